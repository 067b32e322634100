"""paydoctor on a phone: the web consultation and the JSON API (`python cli.py serve`)."""
