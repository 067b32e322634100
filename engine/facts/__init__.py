"""The input: the facts a person gives, declared, read, validated, compared and masked."""
