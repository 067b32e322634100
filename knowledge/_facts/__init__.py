"""The facts paydoctor reads, declared once each, by section (`engine.facts.declaring`).

Each module declares one section of the facts format: every fact's values, whether it is
personal, its question, label and help, and samples for tests where its type says too little.
`knowledge/facts.py` lists the sections in the format's order; the facts model, its JSON
Schema, masking, the consultation's questions and the tests' generators are derived from them.
"""
