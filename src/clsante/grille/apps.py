from django.apps import AppConfig


class GrilleConfig(AppConfig):
    name = "clsante.grille"
    verbose_name = "Grille ISTS"
