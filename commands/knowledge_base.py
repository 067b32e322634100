"""The knowledge base and the Doctor a command's `--knowledge` options select."""

from __future__ import annotations

import argparse


def knowledge_for(args: argparse.Namespace):
    """The knowledge base these options select: built-in, plus each --knowledge folder."""
    import knowledge
    from engine.kb.loader import load_knowledge

    return load_knowledge([knowledge.FOLDER, *args.knowledge], trusted=[knowledge.FOLDER])


def doctor_for(args: argparse.Namespace):
    """The Doctor for the knowledge base these options select (built once per process)."""
    from engine.reasoning.diagnosis import Doctor

    kb = knowledge_for(args)
    if args.knowledge:  # the built-in knowledge base is checked by the test suite
        from engine.checking.check import refuse_unsound

        refuse_unsound(kb)
    return Doctor(kb)
