"""Labels that come with the bundled data, in the message catalogues.

Reference files keep their labels in English (as their sources print them); each label is
listed here so that ``makemessages`` collects it, and :func:`label` shows it in the reader's
language. A label not listed (a value a user typed) is shown as it is.
"""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop

#: the 35 sectors of the ADB multiregional input-output tables
ADB_SECTORS = (
    gettext_noop("Agriculture, hunting, forestry and fishing"),
    gettext_noop("Mining and quarrying"),
    gettext_noop("Food, beverages and tobacco"),
    gettext_noop("Textiles and textile products"),
    gettext_noop("Leather, leather products and footwear"),
    gettext_noop("Wood and products of wood and cork"),
    gettext_noop("Pulp, paper, printing and publishing"),
    gettext_noop("Coke, refined petroleum and nuclear fuel"),
    gettext_noop("Chemicals and chemical products"),
    gettext_noop("Rubber and plastics"),
    gettext_noop("Other non-metallic mineral"),
    gettext_noop("Basic metals and fabricated metal"),
    gettext_noop("Machinery, not elsewhere classified"),
    gettext_noop("Electrical and optical equipment"),
    gettext_noop("Transport equipment"),
    gettext_noop("Manufacturing, not elsewhere classified; recycling"),
    gettext_noop("Electricity, gas and water supply"),
    gettext_noop("Construction"),
    gettext_noop("Sale and repair of motor vehicles and motorcycles; retail sale of fuel"),
    gettext_noop("Wholesale trade, except of motor vehicles and motorcycles"),
    gettext_noop("Retail trade and repair, except of motor vehicles and motorcycles"),
    gettext_noop("Hotels and restaurants"),
    gettext_noop("Inland transport"),
    gettext_noop("Water transport"),
    gettext_noop("Air transport"),
    gettext_noop("Other supporting transport activities"),
    gettext_noop("Post and telecommunications"),
    gettext_noop("Financial intermediation"),
    gettext_noop("Real estate activities"),
    gettext_noop("Renting of machinery & equipment and other business activities"),
    gettext_noop("Public administration and defence; compulsory social security"),
    gettext_noop("Education"),
    gettext_noop("Health and social work"),
    gettext_noop("Other community, social and personal services"),
    gettext_noop("Private households with employed persons"),
)
#: product groups of the published trade figures
PRODUCT_GROUPS = (
    gettext_noop("fertiliser"),
    gettext_noop("fruit and vegetables"),
    gettext_noop("fuel"),
    gettext_noop("iron and steel"),
    gettext_noop("machinery and spare parts"),
    gettext_noop("ores and other minerals"),
    gettext_noop("rubber"),
    gettext_noop("wood and wood products"),
)
#: statuses of zones and border gates, and how a coordinate was obtained
STATUSES = (
    gettext_noop("operating"),
    gettext_noop("planned"),
    gettext_noop("international"),
    gettext_noop("main (upgrade to international in progress)"),
    gettext_noop("unknown"),
    gettext_noop("approximate"),
    gettext_noop("town (source page)"),
    gettext_noop("World Port Index"),
)
#: notes of the bundled zones
ZONE_NOTES = (
    gettext_noop("on the East-West Economic Corridor (NH9 to Lao Bảo)"),
    gettext_noop("Lao–China railway border station"),
    gettext_noop("Vietnamese-invested zone"),
    gettext_noop("on NH12 towards Cha Lo"),
    gettext_noop("opposite Densavanh (Savannakhet)"),
    gettext_noop("opposite Nam Phao (Bolikhamxai)"),
    gettext_noop("Quảng Bình before 2025"),
    gettext_noop("Kon Tum before 2025"),
    gettext_noop("Quảng Nam before 2025"),
    gettext_noop("Bình Dương before 2025"),
    gettext_noop("deep-water port used for Lao transit cargo"),
    gettext_noop(
        "provided for by the 2025 MoU; site not decided; a placeholder, not an existing zone"
    ),
)
#: short names of the 21 HS sections, for charts (the full titles are the nomenclature's)
HS_SECTIONS_SHORT = {
    "I": gettext_noop("Animal products"),
    "II": gettext_noop("Vegetable products"),
    "III": gettext_noop("Fats and oils"),
    "IV": gettext_noop("Foodstuffs, beverages, tobacco"),
    "V": gettext_noop("Mineral products"),
    "VI": gettext_noop("Chemical products"),
    "VII": gettext_noop("Plastics and rubber"),
    "VIII": gettext_noop("Hides, skins and leather"),
    "IX": gettext_noop("Wood and wood articles"),
    "X": gettext_noop("Pulp and paper"),
    "XI": gettext_noop("Textiles"),
    "XII": gettext_noop("Footwear and headgear"),
    "XIII": gettext_noop("Stone, ceramics and glass"),
    "XIV": gettext_noop("Pearls and precious metals"),
    "XV": gettext_noop("Base metals"),
    "XVI": gettext_noop("Machinery and electrical equipment"),
    "XVII": gettext_noop("Vehicles and transport equipment"),
    "XVIII": gettext_noop("Instruments, clocks and watches"),
    "XIX": gettext_noop("Arms and ammunition"),
    "XX": gettext_noop("Miscellaneous manufactures"),
    "XXI": gettext_noop("Works of art and antiques"),
}
#: the legal basis of each SME size rule (``sme_rules.csv``), shown beside a firm's size class
SME_SOURCES = (
    gettext_noop("Decree 80/2021/ND-CP, Art. 5(1)"),
    gettext_noop("Decree 80/2021/ND-CP, Art. 5(2)"),
    gettext_noop("Decree 80/2021/ND-CP, Art. 5(3)"),
    gettext_noop(
        "Decree No. 25/GOV of 16 January 2017 on SME classification, Art. 4 "
        "(laotradeportal.gov.la/en-gb/site/display/1147); employees and assets checked against "
        "the source, turnover unverified"
    ),
    gettext_noop(
        "Decree No. 25/GOV of 16 January 2017, Art. 4; thresholds typed from secondary "
        "knowledge, unverified"
    ),
    gettext_noop(
        "Decree No. 25/GOV of 16 January 2017, Art. 5; thresholds typed from secondary "
        "knowledge, unverified"
    ),
    gettext_noop(
        "Decree No. 25/GOV of 16 January 2017, Art. 6; thresholds typed from secondary "
        "knowledge, unverified"
    ),
)
KNOWN = frozenset(ADB_SECTORS + PRODUCT_GROUPS + STATUSES + ZONE_NOTES + SME_SOURCES)


def section_short(roman: str) -> str:
    """A short name of an HS section in the reader's language (for chart labels)."""
    text = HS_SECTIONS_SHORT.get(roman)
    return gettext(text) if text else roman


def label(text: str) -> str:
    """A bundled data label in the reader's language; other text unchanged."""
    if not text:
        return ""
    if text in KNOWN:
        return gettext(text)
    lowered = text.lower()
    if lowered in KNOWN:
        return gettext(lowered)
    return text
