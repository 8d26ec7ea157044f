"""Exchange of participant data with other systems (HUD HMIS CSV)."""
