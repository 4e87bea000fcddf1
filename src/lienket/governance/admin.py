from django.contrib import admin

from lienket.governance import models


@admin.register(models.Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("code", "kind", "title_en", "signed_on", "signing_state", "valid_from",
                    "valid_to")  # fmt: skip
    list_filter = ("kind", "signing_state")
    search_fields = ("code", "title_en", "title_vi", "title_lo")


@admin.register(models.Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ("number", "level", "starts", "state", "place")
    list_filter = ("level", "state")
    filter_horizontal = ("documents",)


class UpdateInline(admin.TabularInline):
    model = models.CommitmentUpdate
    extra = 0
    readonly_fields = ("by", "by_label", "at")


@admin.register(models.Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ("code", "area", "owner_side", "owner_body", "due", "status", "progress")
    list_filter = ("area", "status", "owner_side")
    search_fields = ("code", "text_en", "text_vi", "text_lo", "owner_body")
    inlines = (UpdateInline,)
