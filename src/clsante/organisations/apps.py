from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "clsante.organisations"
    verbose_name = "Organisations et contacts"
