from django.apps import AppConfig


class ComptesConfig(AppConfig):
    name = "clsante.comptes"
    verbose_name = "Comptes"
