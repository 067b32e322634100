from engine.authoring.rules import (
    Case,
    Cause,
    Example,
    FixStep,
    Message,
    Observation,
    Outcome,
    derived,
    fact,
    forgets,
    sets,
    unknown,
    when,
)
from engine.facts.personal import Datum, Text
from engine.text.wording import Wording
from knowledge._where import Where

TAOBAO_RISK = Message(
    Wording("Taobao's risk control"),
    ("unusual activity", "账户存在风险", "存在风险", "security risk"),
)

NEW_ACCOUNT_DAYS = 30


def _new_taobao_account(case: Case, card: int | None) -> Outcome:
    age = case.get("taobao.account_age_days")
    if age is None:
        return Outcome(None, unknown_paths=("taobao.account_age_days",))
    new = age < NEW_ACCOUNT_DAYS
    said = _NEW if new else _ESTABLISHED
    return Outcome(new, Text(said, (Datum(str(age)), Datum(str(NEW_ACCOUNT_DAYS)))))


_NEW = Wording(
    "Your Taobao account is {0} days old: under {1} days, a new account to Taobao's checks."
)
_ESTABLISHED = Wording("Your Taobao account is {0} days old: not new (over {1} days).")


NEW_TAOBAO_ACCOUNT = Observation(
    "taobao.new_account",
    Wording("the Taobao account is under {days} days old").format(days=NEW_ACCOUNT_DAYS),
    ("taobao.account_age_days",),
    _new_taobao_account,
)


CAUSE = Cause(
    id="taobao-risk-flag",
    layer="taobao",
    title=Wording("Taobao flagged your account for unusual activity"),
    explanation=Wording(
        "New accounts and sudden changes in spending trigger Taobao's risk control, which"
        " blocks payments with a security error."
    ),
    source=(
        "淘宝 (Taobao) sometimes restricts payments if the system flags an account for"
        " 'unusual activity'. This is common for new accounts or those with sudden changes"
        " in spending patterns."
    ),
    fixes=(
        FixStep(
            Wording("Taobao app"),
            Wording("Clear the Taobao app's (or the browser's) cache and try again."),
            place=Where.APP,
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
    observations=(NEW_TAOBAO_ACCOUNT,),
    messages=(TAOBAO_RISK,),
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
        Example(
            "Taobao speaks of unusual activity, nothing else known",
            {"symptom": {"where": "taobao", "error_message": "unusual activity detected"}},
            "suspected",
        ),
    ),
)
