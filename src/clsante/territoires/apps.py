from django.apps import AppConfig


class TerritoiresConfig(AppConfig):
    name = "clsante.territoires"
    verbose_name = "Territoires"
