from django.contrib.auth.forms import AuthenticationForm
from dsfr.forms import DsfrBaseForm


class ConnexionForm(DsfrBaseForm, AuthenticationForm):
    error_messages = {
        "invalid_login": "Identifiant ou mot de passe incorrect.",
        "inactive": "Ce compte est désactivé.",
    }
