from django.apps import AppConfig


class ObservatoireConfig(AppConfig):
    name = "clsante.observatoire"
    verbose_name = "Observatoire"
