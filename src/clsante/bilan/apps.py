from django.apps import AppConfig


class BilanConfig(AppConfig):
    name = "clsante.bilan"
    verbose_name = "Bilan annuel"
