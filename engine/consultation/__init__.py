"""The consultation: the next question worth asking, and reading what a person types."""
