"""The web app's addresses: pages, review, sign-in, static files, the API and its docs."""

from django.urls import path
from django.views.generic import RedirectView

from sanctuary_tracker.web import views_pages as pages
from sanctuary_tracker.web import views_review as review
from sanctuary_tracker.web.api import api
from sanctuary_tracker.web.api_docs import api_docs

urlpatterns = [
    path("", pages.map_page, name="map"),
    path("table/", pages.table_page, name="table"),
    path("jurisdiction/<str:geoid>/", pages.jurisdiction_page, name="jurisdiction"),
    path("document/<int:pk>/", pages.document_page, name="document"),
    path("quote/<int:pk>/", pages.quote_page, name="quote"),
    path("person/<int:pk>/", pages.person_page, name="person"),
    path("search/", pages.search_page, name="search"),
    path("review/", review.queue, name="review"),
    path("review/<int:pk>/decide/", review.decide, name="decide"),
    path("review/enter/", review.enter, name="enter"),
    path("login/", review.login, name="login"),
    path("logout/", review.logout, name="logout"),
    path("static/<str:name>", pages.static_file, name="static"),
    path("api-docs/", api_docs, name="api-docs"),
    # Where django-ninja puts its docs (its page loads scripts from a CDN: not used here).
    path("api/docs", RedirectView.as_view(url="/api-docs/", permanent=False)),
    path("api/", api.urls),
]

handler404 = "sanctuary_tracker.web.errors.not_found"
handler500 = "sanctuary_tracker.web.errors.server_error"
handler403 = "sanctuary_tracker.web.errors.forbidden"
handler400 = "sanctuary_tracker.web.errors.bad_request"
