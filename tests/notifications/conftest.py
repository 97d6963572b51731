import pytest


@pytest.fixture
def boite(settings):
    """Mails go to django.core.mail.outbox."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CLSANTE_URL_SITE = "https://clsante.example.org"


@pytest.fixture
def gens(db):
    from clsante.comptes.models import Utilisateur

    return {u.username: u for u in Utilisateur.objects.all()}
