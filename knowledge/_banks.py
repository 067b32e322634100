"""The banks a card's bank may be named by, as people type them: names and abbreviations of
the mainland's large banks, in English and Chinese. A bank the person gave that is one of these
is shown as they typed it (a card named "card 1 (ICBC, ending 1234)"); any other text in the
bank's field stays masked, since it may hold a person's name."""

KNOWN_BANKS = (
    # Industrial and Commercial Bank of China
    "ICBC", "Industrial and Commercial Bank of China", "工商银行", "中国工商银行", "工行",
    # Bank of China
    "BOC", "Bank of China", "中国银行", "中行",
    # China Construction Bank
    "CCB", "China Construction Bank", "Construction Bank", "建设银行", "中国建设银行", "建行",
    # Agricultural Bank of China
    "ABC", "Agricultural Bank of China", "农业银行", "中国农业银行", "农行",
    # Bank of Communications
    "BOCOM", "BoCom", "Bank of Communications", "交通银行", "交行",
    # China Merchants Bank
    "CMB", "China Merchants Bank", "招商银行", "招行",
    # Postal Savings Bank of China
    "PSBC", "Postal Savings Bank", "Postal Savings Bank of China", "邮储银行", "中国邮政储蓄银行",
    # Others that issue cards to foreigners
    "CITIC", "China CITIC Bank", "中信银行",
    "SPDB", "Shanghai Pudong Development Bank", "浦发银行",
    "CMBC", "China Minsheng Bank", "民生银行",
    "CEB", "China Everbright Bank", "光大银行",
    "CIB", "Industrial Bank", "兴业银行",
    "Ping An Bank", "平安银行",
    "HSBC", "HSBC China", "汇丰银行",
    "Standard Chartered", "渣打银行",
    "Bank of Beijing", "北京银行",
    "Bank of Shanghai", "上海银行",
)  # fmt: skip
