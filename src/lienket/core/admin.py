from django.contrib import admin

from lienket.core.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "country", "organisation", "enterprise"]
    list_filter = ["role", "country"]
    raw_id_fields = ["enterprise"]
