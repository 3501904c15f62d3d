"""BOMCA Progress Dashboard: reading, validating and summarising the programme's data."""
