from django.contrib import admin

from lienket.registry.models import DuplicateFlag, Enterprise, EnterpriseProduct, Relationship, Zone


class ProductInline(admin.TabularInline):
    model = EnterpriseProduct
    extra = 0


@admin.register(Enterprise)
class EnterpriseAdmin(admin.ModelAdmin):
    list_display = ["__str__", "country", "province_code", "size_class", "chains", "fictional"]
    list_filter = ["country", "size_class", "sector", "fictional"]
    search_fields = ["name_vi", "name_lo", "name_en", "tax_id", "search_text"]
    inlines = [ProductInline]

    def save_related(self, request, form, formsets, change):  # type: ignore[no-untyped-def]
        super().save_related(request, form, formsets, change)
        ent = form.instance
        ent.refresh_derived()
        ent.save()


@admin.register(Zone)
class ZoneAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "country", "kind", "status", "verified"]
    list_filter = ["country", "kind", "status"]


@admin.register(Relationship)
class RelationshipAdmin(admin.ModelAdmin):
    list_display = ["supplier", "buyer", "hs_code", "annual_value_usd", "since", "fictional"]
    raw_id_fields = ["supplier", "buyer"]


@admin.register(DuplicateFlag)
class DuplicateFlagAdmin(admin.ModelAdmin):
    list_display = ["enterprise", "other", "score", "status"]
    list_filter = ["status"]
    raw_id_fields = ["enterprise", "other"]
