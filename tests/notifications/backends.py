"""A mail backend whose server never answers, to test retries (settings.EMAIL_BACKEND)."""

from django.core.mail.backends.base import BaseEmailBackend


class ServeurInjoignable(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        raise ConnectionRefusedError("serveur SMTP injoignable")
