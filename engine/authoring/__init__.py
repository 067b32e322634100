"""What a knowledge unit is written in: causes, observations, tests, fixes, examples."""
