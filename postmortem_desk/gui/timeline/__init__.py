"""The review step's timeline: model and filter, detail panel, prompt cards, quick capture."""
