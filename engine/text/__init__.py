"""Text and languages: what a unit writes in English, translated where it is shown."""
