"""Where a fix step is done (`FixStep(place=Where.BANK_BRANCH)`): alone in an app or on the
phone, or with staff who help and read the sentence the step gives them (Chinese in China,
the card's own language on a call to its issuer abroad). A new place is one more here."""

from engine.authoring.rules import Place


class Where:
    """The places a unit names a step's place by."""

    APP = Place("app")
    """In an app, alone."""
    BANK_BRANCH = Place("bank_branch", staff=True)
    EXIT_ENTRY_OFFICE = Place("exit_entry_office", staff=True)
    EMBASSY = Place("embassy", staff=True)
    CARD_ISSUER = Place("card_issuer", staff=True, abroad=True)
    """The card issuer's hotline, abroad: its staff speak the card's own language."""
    CUSTOMER_SERVICE = Place("customer_service", staff=True)
    """A wallet's customer service: a human agent in the app, or its hotline."""
    PHONE = Place("phone")
    """On the phone itself (its settings: a VPN, roaming), alone."""
    SELLER = Place("seller", staff=True)
    """At a stall, a taxi or a shop: the seller or cashier reads Chinese."""


PLACES = tuple(place for place in vars(Where).values() if isinstance(place, Place))
"""Every place, as declared above."""
