"""The new-referral wizard: referral, location on an offline map, exclusion screen, duplicates,
decision, quick intake, consent and first plan steps, saved in one transaction."""

from lead_desktop.ui.wizard.wizard import ReferralWizard

__all__ = ["ReferralWizard"]
