"""The participant record: one tab per part of a person's file."""
