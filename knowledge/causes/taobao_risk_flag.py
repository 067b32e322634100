from engine.rules import Cause, Example, FixStep, derived, fact, forgets, sets, unknown, when

CAUSE = Cause(
    id="taobao-risk-flag",
    layer="taobao",
    title="Taobao flagged your account for unusual activity",
    explanation=(
        "New accounts and sudden changes in spending trigger Taobao's risk control, which"
        " blocks payments with a security error."
    ),
    guide=(
        "淘宝 (Taobao) sometimes restricts payments if the system flags an account for"
        " 'unusual activity'. This is common for new accounts or those with sudden changes"
        " in spending patterns."
    ),
    fixes=(
        FixStep(
            "Taobao app",
            "Clear the Taobao app's (or the browser's) cache and try again.",
            # Whether the security error comes back is only known once you try again.
            effects=(sets("taobao.cache_cleared", True), forgets("taobao.security_error")),
        ),
    ),
    after=("taobao-not-linked",),
    confirmed=(
        when(fact("taobao.security_error", True), derived("taobao.new_account")),
        when(fact("taobao.security_error", True), fact("taobao.spending_changed", True)),
    ),
    suspected=(
        when(
            fact("taobao.security_error", True),
            unknown("taobao.account_age_days"),
            unknown("taobao.spending_changed"),
        ),
    ),
    examples=(
        Example(
            "a new account with a security error",
            {"taobao": {"security_error": True, "account_age_days": 5}},
            "confirmed",
        ),
        Example(
            "spending changed",
            {"taobao": {"security_error": True, "spending_changed": True}},
            "confirmed",
        ),
        Example(
            "a security error, nothing else known",
            {"taobao": {"security_error": True}},
            "suspected",
        ),
        Example(
            "an old account, steady spending",
            {
                "taobao": {
                    "security_error": True,
                    "account_age_days": 400,
                    "spending_changed": False,
                }
            },
            None,
        ),
        Example("a new account without an error", {"taobao": {"account_age_days": 5}}, None),
    ),
)
