from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "clsante.demo"
    verbose_name = "Démonstration"
