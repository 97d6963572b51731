"""URL patterns of the programme list and the dashboard (programme/pilotage/)."""

urlpatterns: list = []
