from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from consultations.views import account as account_views
from consultations.views import members as consultation_views
from portal import admin_views, links, views

# Members sign in on the public site; the Wagtail admin is for editors only.
account_patterns = [
    path("", account_views.start, name="account"),
    path("display-name/", consultation_views.display_name, name="display_name"),
    path("e-mails/", account_views.preferences, name="notification_preferences"),
    path(
        "e-mails/off/<str:token>/", account_views.switch_off, name="notifications_off"
    ),
    path("my-data/", account_views.my_data, name="my_data"),
    path("my-data.json", account_views.my_data_json, name="my_data_json"),
    path("delete/", account_views.delete_account, name="delete_account"),
    path(
        "login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password/reset/", auth_views.PasswordResetView.as_view(), name="password_reset"
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

# A lost database connection gets a friendly 503 page; anything else the 500 page.
handler500 = "portal.outage.server_error"
handler400 = "portal.views.bad_request"

urlpatterns = [
    # Before Wagtail's own pattern for the same address (portal/admin_views.py).
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
        "<int:parent_page_id>/",
        admin_views.CreatePageView.as_view(),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Documents only through /documents/ (Wagtail's serve view checks collection
    # privacy); their files under /media/documents/ are refused, as the web server
    # must refuse them in production (README, "Security").
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.lstrip('/')}documents/<path:path>",
            views.document_file_refused,
        )
    ]
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# "/" has no language prefix: LocaleMiddleware redirects it to the language the
# browser asks for, or to Polish.
urlpatterns += i18n_patterns(
    path("accounts/", include(account_patterns)),
    path("search/", views.search, name="search"),
    path("page/<int:page_id>/", links.page_by_id, name="page_by_id"),
    path("", include(wagtail_urls)),
)
