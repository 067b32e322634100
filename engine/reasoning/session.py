"""The only module that touches durable-rules.

What we measured of durable-rules 2.0.28 and how this module lives with it:
- a ruleset holds at most 1024 live sessions, and a new session costs time in
  proportion to the rules (durable-rules zeroes 8 KiB per join node for each
  session; at 189 rules about a fifth of a diagnosis): an engine keeps one
  session and empties it after each diagnosis by retracting every fact it
  asserted (only positive conditions, so a retraction fires nothing); a
  diagnosis that fails deletes the session, and the next opens a new one;
- its background dispatcher thread, running while sessions are deleted, can
  crash the process: our host never starts that thread (all actions run
  synchronously inside the assert), and diagnoses are serialised by a lock;
- exceptions inside actions are swallowed into the session state by
  durable.engine: this module runs the actions itself (see RuleEngine), records
  their exceptions, and `run` raises EngineFault;
- a fact no rule can match is refused (MessageNotHandledException), an
  identical fact asserted twice too (MessageObservedException): only facts that
  a rule could match in full are asserted, each once;
- ruleset names are global per host and registering one twice raises: one host
  per process, made under a lock, one ruleset per knowledge base;
- rules get no names we chose and firings are not recorded: each action is
  wrapped to record the trace;
- facts asserted by an action (a conclusion's fact, a reported cause) are
  matched by the rules that test them within the same assert: this is how
  rules chain (rule -> concluded fact -> rule), with no second session;
- a join on the card (`s` equal to another condition's) written after an
  `$or` of values in the same condition is not applied, pairing one card's
  facts with another's (measured; the evaluator's agreement test found it):
  values are written last;
- loading hangs when one test is followed by more than 512 different tests
  (e.g. one observation tested for 513 values, `$or` alternatives included), and
  fails with "error code: 108" when more than 256 conditions end at the same
  test: `load_problems` finds both before loading, and such a knowledge base is
  refused with a message naming the observation (a knowledge base of 1,000 rules
  spread over many observations loads in a few hundredths of a second);
- `delete_state` crashes the process (SIGSEGV or abort) when no action has yet
  run in the process, e.g. a first diagnosis of `{}` (measured: once one action
  has run, 20,000 sessions in which none fires are deleted cleanly): until an
  action has run in this engine, each session ends with an `end` fact that a
  no-op rule matches, so an action always runs;
- durable-rules stores a fact under a 32-bit FNV-1 hash of its id and never
  compares the ids themselves; a fact without an `id` gets one hashed from its
  content, session id included. Two different facts of one session could then
  share a hash (about n*n / 2**33 for n facts: a case of 3,000 cards, 9,000
  facts, failed about one session in a hundred as "a fact given twice", at a
  session number that depended on the cases before it): each fact is given
  its number in the session as its id, and the decimal numbers below 797,186
  all hash apart (40,189 and 797,186 are the first pair that does not), far
  more facts than a case holds (`engine.facts.model.MAX_CARDS`).

Observations are named and placed by types (`engine.authoring.rules`: `FactValue`,
`CardSubject`, ...); durable-rules matches strings, so this module writes each as one
(`_named`, `_about`) and finds an action's matched facts again by their ids, never by reading
those strings back.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import threading
import traceback
from dataclasses import dataclass, field
from functools import cache, lru_cache
from json.encoder import encode_basestring

import durable_rules_engine

from engine.authoring.rules import (
    FALSE,
    FINDING,
    TRUE,
    CardSubject,
    FoundOn,
    ObservationName,
    Reported,
    Subject,
    Test,
)
from engine.errors import EngineFault, KnowledgeError
from engine.facts.personal import Text
from engine.kb.base import CONFIRMED, CompiledRule
from engine.reasoning.observe import Observed
from engine.text.translatable import N_, Message
from engine.text.wording import Wording

MAX_TESTS_AFTER_TEST = 512
"""durable-rules keeps the tests that follow a test in 512 slots; one more hangs loading."""

MAX_CONDITIONS_AT_TEST = 256
"""durable-rules links at most 256 conditions to the test they end at (else error 108)."""

END_RULE = "paydoctor/end"

_NOT_HANDLED, _OBSERVED, _DEFERRED = 1, 2, 3
"""The result codes of durable-rules' asserts that `durable.engine.Ruleset` tells apart."""


@dataclass(frozen=True)
class Firing:
    """One rule firing: the rule, the observations it matched, what it asserted."""

    rule: CompiledRule
    matched: tuple[Observed, ...]
    asserted: tuple[str, ...]
    concluded: tuple[Observed, ...] = ()
    """The facts this firing asserted for other rules to match (rule -> fact -> rule)."""

    @property
    def subject(self) -> CardSubject | None:
        return _card_subject(self.matched)


def _card_subject(matched: tuple[Observed, ...]) -> CardSubject | None:
    """The card a firing is about, or None for the case."""
    return next((m.subject for m in matched if isinstance(m.subject, CardSubject)), None)


@dataclass
class _Run:
    """The state of the one diagnosis in progress."""

    sid: str
    firings: list[Firing] = field(default_factory=list)
    by_id: dict[str, Observed] = field(default_factory=dict)
    """Each fact asserted, by its id in the session: what an action's message names."""
    asserted: set[tuple[ObservationName, Subject, str]] = field(default_factory=set)
    error: str | None = None
    facts: int = 0
    """How many facts the session holds: the next fact's id (see the module docstring)."""
    sent: list[str] = field(default_factory=list)
    """Every fact asserted in this diagnosis, as JSON: what is retracted when it ends."""

    def fact(self, observed: Observed | None) -> str:
        """The durable-rules fact of an observation (None: `end`), with the session's next id,
        as JSON."""
        self.facts += 1
        if observed is None:
            return _json({"sid": self.sid, "id": str(self.facts - 1), "t": "end"})
        self.by_id[str(self.facts - 1)] = observed
        return _durable_fact(self.sid, self.facts - 1, observed)


_host_lock = threading.Lock()
_host = None


def _get_host():
    """The process's one durable-rules host, without its dispatcher thread."""
    global _host
    with _host_lock:
        if _host is None:
            from durable import engine as durable_engine

            class SynchronousHost(durable_engine.Host):
                def _run(self) -> None:
                    """No background dispatcher: actions run inside each assert."""

            _host = SynchronousHost()
        return _host


_registered: dict[str, RuleEngine] = {}


class RuleEngine:
    """Runs compiled rules over observations in one durable-rules session per call.

    The host registers the ruleset; each diagnosis then drives durable-rules'
    C engine itself, as `durable.engine.Ruleset` does (assert the facts, start
    an action, run it, complete it and start the next, until none is left), but
    without what each action costs there and we do not use: a `Closure` with
    its clock readings, and the session state decoded and re-encoded as JSON.
    """

    _lock = threading.Lock()
    _sids = itertools.count(1)

    def __init__(self, rules: tuple[CompiledRule, ...]):
        self.rules = rules
        self._accepts = _accepted_values(rules)
        by_id = {rule.id: rule for rule in rules}
        self._warm = False
        """Whether an action has run in this engine: until one has, sessions end with `end`."""
        self._handle = None
        """durable-rules' handle of the ruleset, once registered."""
        self._sid: str | None = None
        """The session diagnoses run in; None until one runs, and after one failed."""
        definition = _definition(rules)
        self.name = _ruleset_name(definition, rules)
        problems = load_problems(definition)
        if problems:
            raise KnowledgeError(
                "durable-rules cannot load this knowledge base: " + "; ".join(problems[:3])
            )
        self._actions = {
            rule_id: self._end_action if rule_id == END_RULE else self._action(by_id[rule_id])
            for rule_id in definition
        }
        for rule_id, rule_definition in definition.items():
            rule_definition["run"] = self._actions[rule_id]
        self._definition = definition

    @classmethod
    def for_rules(cls, rules: tuple[CompiledRule, ...]) -> RuleEngine:
        """The engine for these rules, registered with the host once per process."""
        engine = cls(rules)
        with cls._lock:
            if engine.name not in _registered:
                host = _get_host()
                host.register_rulesets({engine.name: engine._definition})
                engine._handle = host.get_ruleset(engine.name)._handle
                _registered[engine.name] = engine
            return _registered[engine.name]

    def accepts(self, name: ObservationName, value: str) -> bool:
        return value in self._accepts.get(name, ())

    def _handled(self, observed: list[Observed]) -> list[Observed]:
        """The observations some rule tests with their value: durable-rules refuses any other.

        The observer already leaves out what no rule could match in full
        (`Observer.observe_useful`); this only keeps any other caller safe."""
        accepts = self._accepts
        return [o for o in observed if o.value in accepts.get(o.name, ())]

    def run(self, observed: list[Observed]) -> list[Firing]:
        """Assert the observations in the engine's session; return the firings in order.

        The session is left empty (every fact asserted, retracted), or deleted if anything
        failed, so no diagnosis sees another's facts."""
        facts = self._handled(observed)
        if not facts:
            return []
        with self._lock:
            if self._sid is None:
                self._sid = str(next(self._sids))
            run = _Run(self._sid)
            clean = False
            try:
                batch = [run.fact(o) for o in facts]
                if not self._warm:
                    batch.append(run.fact(None))
                run.sent.extend(batch)
                state = _accepted(durable_rules_engine.assert_facts(self._handle, _list(batch)))
                self._act(run, state)
                if run.error:
                    raise EngineFault(f"a rule action failed: {run.error}")
                durable_rules_engine.retract_facts(self._handle, _list(run.sent))
                clean = True
                return run.firings
            finally:
                if not clean:
                    durable_rules_engine.delete_state(self._handle, self._sid)
                    self._sid = None

    def _act(self, run: _Run, state: int) -> None:
        """Run every action the session starts, in order; an action's exception is recorded."""
        started = durable_rules_engine.start_action_for_state(self._handle, state)
        if not started:
            return
        state_text, message = started
        while message:
            rule_id, matched = next(iter(_parse(message)[0].items()))
            try:
                self._actions[rule_id](run, matched)
            except Exception:
                run.error = f"rule {rule_id}: " + traceback.format_exc(limit=4)
            durable_rules_engine.update_state(self._handle, state_text)
            message = durable_rules_engine.complete_and_start_action(self._handle, state)

    def _action(self, rule: CompiledRule):
        def action(run: _Run, matched: dict[str, dict]) -> None:
            self._warm = True
            self._fire(run, rule, matched)

        return action

    def _fire(self, run: _Run, rule: CompiledRule, message: dict[str, dict]) -> None:
        """Record a firing and assert what it concludes, so that rules chained on it can fire.

        A conclusion's rule asserts its fact (for the card it matched, if it is
        about a card); a cause's rule asserts that the cause is reported, and
        in which layer. Each fact is asserted once.
        """
        matched = tuple(
            run.by_id[fact["id"]] for fact in map(message.__getitem__, _aliases(len(message)))
        )
        subject = _card_subject(matched)
        where = f" ({subject})" if subject else ""
        concluded: list[Observed] = []
        if rule.concludes_fact:
            own = subject if rule.per_card else None
            concluded.append(_concluded(rule, own, matched))
            asserted = (f"{rule.target} = {rule.conclusion}{where}",)
        elif rule.concludes_cause:
            layer = rule.layer
            text = _reported(rule)
            concluded.append(Observed(Reported(rule.target), None, rule.conclusion, text))
            concluded.append(Observed(FINDING, FoundOn(rule.target, subject), layer, text))
            asserted = (f"{rule.target} {rule.conclusion}{where}",)
        else:
            asserted = (f"{rule.target} offered",)
        new = tuple(fact for fact in concluded if self._assert(run, fact))
        run.firings.append(Firing(rule, matched, asserted, new))

    def _assert(self, run: _Run, observed: Observed) -> bool:
        """Assert a fact concluded by an action, once, if some rule tests it; say if it was."""
        key = (observed.name, observed.subject, observed.value)
        if key in run.asserted or not self.accepts(observed.name, observed.value):
            return False
        run.asserted.add(key)
        fact = run.fact(observed)
        run.sent.append(fact)
        _accepted(durable_rules_engine.assert_fact(self._handle, fact))
        return True

    def _end_action(self, run: _Run, matched: dict[str, dict]) -> None:
        """The no-op action that makes an action run in a process (see the module docstring)."""
        self._warm = True


def _concluded(
    rule: CompiledRule, subject: CardSubject | None, matched: tuple[Observed, ...]
) -> Observed:
    """A conclusion's fact, with the observations it rests on and the facts they miss."""
    meaning = rule.meaning
    if rule.conclusion == TRUE:
        template: str | Wording | Message = meaning
    elif rule.conclusion == FALSE:
        template = Message(N_("Not so: {meaning}"), meaning=meaning)
    else:
        template = Message(N_("Not known whether {meaning}"), meaning=meaning)
    missing = tuple(dict.fromkeys(path for m in matched for path in m.unknown_paths))
    read = tuple(dict.fromkeys(path for m in matched if m.evidence for path in m.evidence.facts))
    text = Text(template, facts=read)
    return Observed(rule.target, subject, rule.conclusion, text, missing, support=tuple(matched))


def _reported(rule: CompiledRule) -> Text:
    """A cause concluded in this session, as evidence for a rule chained on it: its title."""
    if rule.conclusion == CONFIRMED:
        return Text(Message(N_("{title} (found above)"), title=rule.meaning))
    return Text(Message(N_("{title} (suspected above)"), title=rule.meaning))


_json = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
"""Facts as durable-rules reads them: one encoder for all (facts are flat, never cyclic)."""


_parse = json.JSONDecoder().raw_decode
"""An action's message as durable-rules writes it (one JSON object, nothing around it)."""


@lru_cache
def _aliases(count: int) -> tuple[str, ...]:
    """The names of a rule's conditions in the order written (`_durable_rule`): a0, a1, ..."""
    return tuple(f"a{index}" for index in range(count))


def _list(facts: list[str]) -> str:
    """Facts already written as JSON, as one JSON list (the bytes `_json` gives the list)."""
    return "[" + ", ".join(facts) + "]"


def _accepted(result: tuple[int, int]) -> int:
    """The state handle of an assert's result; raises if durable-rules refused the facts."""
    code, state = result
    if code == _NOT_HANDLED:
        raise EngineFault("durable-rules found no rule for a fact asserted")
    if code == _OBSERVED:
        raise EngineFault("durable-rules was given a fact twice")
    return 0 if code == _DEFERRED else state


def _ruleset_name(definition: dict[str, dict], rules: tuple[CompiledRule, ...]) -> str:
    """A name for exactly these rules: their conditions and everything each concludes.

    Two knowledge bases whose conditions agree but whose rules conclude other
    things (another layer, another value, a fact for each card rather than the case) must not
    share an engine.
    """
    concludes = [
        (r.id, r.target, r.conclusion, r.layer, r.concludes_fact, r.per_card, repr(r.meaning))
        for r in rules
    ]
    text = json.dumps([definition, concludes], sort_keys=True)
    return "paydoctor_" + hashlib.sha1(text.encode()).hexdigest()[:16]


def rule_load_problems(rules: tuple[CompiledRule, ...]) -> list[str]:
    """Why durable-rules could not load these rules (empty if it can), without loading them."""
    return load_problems(_definition(rules))


def _definition(rules: tuple[CompiledRule, ...]) -> dict[str, dict]:
    """The durable-rules ruleset of these rules, actions not yet attached."""
    definition = {rule.id: _durable_rule(rule) for rule in rules}
    definition[END_RULE] = {"all": [{"end": {"t": "end"}}]}
    return definition


def load_problems(definition: dict[str, dict]) -> list[str]:
    """Why durable-rules would hang or fail loading these rules (empty if it will not).

    durable-rules shares one test node among conditions that begin with the same
    tests, in the order written; `$or` alternatives become separate nodes.
    """
    following: dict[tuple, set] = {}
    ending: dict[tuple, int] = {}
    for rule in definition.values():
        for condition in rule["all"]:
            (test,) = condition.values()
            for chain in _chains(test):
                for depth in range(len(chain)):
                    following.setdefault(chain[:depth], set()).add(chain[depth])
                ending[chain] = ending.get(chain, 0) + 1
    problems = [
        f"{len(tests)} different tests follow {_describe_chain(chain)}, more than the"
        f" {MAX_TESTS_AFTER_TEST} it can load (it hangs); split the observation or test"
        " fewer values"
        for chain, tests in following.items()
        if len(tests) > MAX_TESTS_AFTER_TEST
    ]
    problems += [
        f"{count} conditions end at {_describe_chain(chain)}, more than the"
        f" {MAX_CONDITIONS_AT_TEST} it can load; merge rules that test the same thing"
        for chain, count in ending.items()
        if count > MAX_CONDITIONS_AT_TEST
    ]
    return problems


def _chains(test: dict) -> list[tuple[tuple[str, str], ...]]:
    """The chains of node tests one condition becomes (joins between facts are not nodes)."""
    clauses = test.get("$and", [test])
    chains: list[tuple[tuple[str, str], ...]] = [()]
    for clause in clauses:
        if "$or" in clause:
            options = [next(iter(option.items())) for option in clause["$or"]]
        else:
            ((name, value),) = clause.items()
            if isinstance(value, dict):
                continue
            options = [(name, value)]
        chains = [(*chain, option) for chain in chains for option in options]
    return chains


def _describe_chain(chain: tuple[tuple[str, str], ...]) -> str:
    words = {"t": "fact kind", "n": "observation", "v": "value", "s": "subject"}
    if not chain:
        return "the start"
    return " and ".join(f"{words.get(name, name)} {value!r}" for name, value in chain)


def _accepted_values(rules: tuple[CompiledRule, ...]) -> dict[ObservationName, set[str]]:
    accepted: dict[ObservationName, set[str]] = {}
    for rule in rules:
        for test in rule.when.tests:
            accepted.setdefault(test.name, set()).update(test.values)
    return accepted


def _durable_fact(sid: str, number: int, observed: Observed) -> str:
    """An observation as durable-rules' fact, written as JSON by hand: byte for byte what
    `_json` writes for {"sid", "id", "t": "obs", "n", "s", "v"}, at a sixth of its cost
    (the encoder's set-up costs more than these few strings)."""
    return (
        f'{{"sid": {_string(sid)}, "id": "{number}", "t": "obs",'
        f' "n": {_string(_named(observed.name))}, "s": {_string(_about(observed.subject))},'
        f' "v": {_string(observed.value)}}}'
    )


@cache
def _named(name: ObservationName) -> str:
    """An observation's name as durable-rules matches it (`fact:PATH`, a derived one's own)."""
    return name if isinstance(name, str) else str(name)


@cache
def _about(subject: Subject) -> str:
    """What an observation is about, as durable-rules joins on it: "" for the case."""
    return "" if subject is None else str(subject)


_string = encode_basestring
"""A string as JSON, characters beyond ASCII as they are (as `_json` writes them)."""


def _durable_rule(rule: CompiledRule) -> dict:
    conditions = []
    card_alias = None
    for index, test in enumerate(rule.when.tests):
        alias = f"a{index}"
        clauses: list[dict] = [{"t": "obs"}, {"n": _named(test.name)}]
        if test.card:
            if card_alias is None:
                card_alias = alias
            else:
                clauses.append({"s": {card_alias: "s"}})
        elif test.name != FINDING:
            clauses.append({"s": _about(None)})
        # The values last: durable-rules drops a join that follows an `$or` in one `$and`.
        clauses.append(_values(test))
        conditions.append({alias: {"$and": clauses}})
    return {"all": conditions}


def _values(test: Test) -> dict:
    values = sorted(test.values)
    if len(values) == 1:
        return {"v": values[0]}
    return {"$or": [{"v": value} for value in values]}
