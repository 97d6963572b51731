from django.apps import AppConfig


class ContratsConfig(AppConfig):
    name = "clsante.contrats"
    verbose_name = "Contrats et gouvernance"
