"""Seed translations (vi, lo) used once to fill the .po catalogues; kept for reference.

Run: .venv/bin/python tools/translations_seed.py  -- sets every msgid it knows.
The .po files under src/lienket/locale are the source of truth after that.
"""

from pathlib import Path

import polib

T = {
    "Core": ("Lõi", "ແກນຫຼັກ"),
    "Focal point": ("Đầu mối", "ຈຸດປະສານງານ"),
    "Ministry reader": ("Người xem cấp bộ", "ຜູ້ອ່ານຂັ້ນກະຊວງ"),
    "Enterprise user": ("Người dùng doanh nghiệp", "ຜູ້ໃຊ້ວິສາຫະກິດ"),
    "role": ("vai trò", "ບົດບາດ"),
    "country": ("quốc gia", "ປະເທດ"),
    "ISO 3166-1 alpha-3; the country a focal point serves": (
        "ISO 3166-1 alpha-3; quốc gia mà đầu mối phụ trách",
        "ISO 3166-1 alpha-3; ປະເທດທີ່ຈຸດປະສານງານຮັບຜິດຊອບ",
    ),
    "organisation": ("tổ chức", "ອົງການ"),
    "enterprise": ("doanh nghiệp", "ວິສາຫະກິດ"),
    "profile": ("hồ sơ", "ໂປຣໄຟລ໌"),
    "profiles": ("hồ sơ", "ໂປຣໄຟລ໌"),
    "not a readable XLSX workbook (%(reason)s)": (
        "không đọc được tệp XLSX (%(reason)s)",
        "ບໍ່ສາມາດອ່ານໄຟລ໌ XLSX ໄດ້ (%(reason)s)",
    ),
    "the file is not UTF-8 (it looks like %(encoding)s); save it as CSV UTF-8": (
        "tệp không ở mã UTF-8 (có vẻ là %(encoding)s); hãy lưu dưới dạng CSV UTF-8",
        "ໄຟລ໌ບໍ່ແມ່ນ UTF-8 (ຄ້າຍຄື %(encoding)s); ກະລຸນາບັນທຶກເປັນ CSV UTF-8",
    ),
    "the file is empty": ("tệp trống", "ໄຟລ໌ຫວ່າງເປົ່າ"),
    "unsupported file type %(suffix)s; use .xlsx or .csv": (
        "không hỗ trợ loại tệp %(suffix)s; hãy dùng .xlsx hoặc .csv",
        "ບໍ່ຮອງຮັບໄຟລ໌ປະເພດ %(suffix)s; ກະລຸນາໃຊ້ .xlsx ຫຼື .csv",
    ),
    "the file has no header row": ("tệp không có dòng tiêu đề", "ໄຟລ໌ບໍ່ມີແຖວຫົວຂໍ້"),
    "required column is missing": ("thiếu cột bắt buộc", "ຂາດຖັນທີ່ຈຳເປັນ"),
    "unknown column": ("cột không xác định", "ຖັນທີ່ບໍ່ຮູ້ຈັກ"),
    "the file has a header but no data rows": (
        "tệp có tiêu đề nhưng không có dòng dữ liệu",
        "ໄຟລ໌ມີຫົວຂໍ້ ແຕ່ບໍ່ມີແຖວຂໍ້ມູນ",
    ),
    "Registry": ("Sổ đăng ký", "ທະບຽນ"),
    "enterprises": ("doanh nghiệp", "ວິສາຫະກິດ"),
    "relationships": ("quan hệ", "ສາຍພົວພັນ"),
    "Keep the header row. Highlighted columns must be present; values may be blank except country, province and sector.": (
        "Giữ nguyên dòng tiêu đề. Các cột được tô màu là bắt buộc; giá trị có thể để trống, trừ quốc gia, tỉnh và ngành.",
        "ຮັກສາແຖວຫົວຂໍ້ໄວ້. ຖັນທີ່ມີສີແມ່ນຈຳເປັນ; ຄ່າອາດປະຫວ່າງໄດ້ ຍົກເວັ້ນ ປະເທດ, ແຂວງ ແລະ ຂະແໜງ.",
    ),
    "The example row is fictional: replace it.": (
        "Dòng ví dụ là hư cấu: hãy thay thế nó.",
        "ແຖວຕົວຢ່າງແມ່ນສົມມຸດ: ກະລຸນາປ່ຽນແທນ.",
    ),
    "HS codes: 4 or 6 digits of the stated edition (HS2017 or HS2022), separated by spaces or commas.": (
        "Mã HS: 4 hoặc 6 chữ số theo phiên bản đã nêu (HS2017 hoặc HS2022), cách nhau bằng dấu cách hoặc dấu phẩy.",
        "ລະຫັດ HS: 4 ຫຼື 6 ຕົວເລກ ຕາມສະບັບທີ່ລະບຸ (HS2017 ຫຼື HS2022), ແຍກດ້ວຍຍະຫວ່າງ ຫຼື ຈຸດ.",
    ),
    "Provinces: code or name in any language; former Vietnamese provinces (before 1 July 2025) are mapped to the new units.": (
        "Tỉnh: mã hoặc tên bằng bất kỳ ngôn ngữ nào; các tỉnh cũ của Việt Nam (trước ngày 1/7/2025) được chuyển sang đơn vị mới.",
        "ແຂວງ: ລະຫັດ ຫຼື ຊື່ ເປັນພາສາໃດກໍໄດ້; ແຂວງເກົ່າຂອງຫວຽດນາມ (ກ່ອນ 1 ກໍລະກົດ 2025) ຈະຖືກປ່ຽນເປັນຫົວໜ່ວຍໃໝ່.",
    ),
    "Revenue and capital are in the country's own currency (VND, LAK).": (
        "Doanh thu và vốn tính bằng đồng tiền của từng nước (VND, LAK).",
        "ລາຍຮັບ ແລະ ທຶນ ເປັນສະກຸນເງິນຂອງແຕ່ລະປະເທດ (VND, LAK).",
    ),
    "An import is all or nothing: if any row has a problem, nothing is saved.": (
        "Nhập dữ liệu theo nguyên tắc tất cả hoặc không: nếu có dòng lỗi, không dòng nào được lưu.",
        "ການນຳເຂົ້າແມ່ນທັງໝົດ ຫຼື ບໍ່ມີເລີຍ: ຖ້າມີແຖວໃດຜິດ, ຈະບໍ່ບັນທຶກຫຍັງເລີຍ.",
    ),
    "notes": ("ghi chú", "ໝາຍເຫດ"),
    "How to fill this template": ("Cách điền mẫu này", "ວິທີປ້ອນແບບຟອມນີ້"),
    "errors": ("lỗi", "ຂໍ້ຜິດພາດ"),
    "file": ("tệp", "ໄຟລ໌"),
    "row": ("dòng", "ແຖວ"),
    "column": ("cột", "ຖັນ"),
    "problem": ("vấn đề", "ບັນຫາ"),
    "Country": ("Quốc gia", "ປະເທດ"),
    "Province": ("Tỉnh/thành phố", "ແຂວງ"),
    "Value-chain stages": ("Công đoạn chuỗi giá trị", "ຂັ້ນຕອນຂອງຕ່ອງໂສ້ມູນຄ່າ"),
    "Products made (HS codes)": ("Sản phẩm sản xuất (mã HS)", "ຜະລິດຕະພັນທີ່ຜະລິດ (ລະຫັດ HS)"),
    "4 or 6 digits, separated by spaces or commas": (
        "4 hoặc 6 chữ số, cách nhau bằng dấu cách hoặc dấu phẩy",
        "4 ຫຼື 6 ຕົວເລກ, ແຍກດ້ວຍຍະຫວ່າງ ຫຼື ຈຸດ",
    ),
    "Inputs needed (HS codes)": ("Đầu vào cần mua (mã HS)", "ວັດຖຸດິບທີ່ຕ້ອງການ (ລະຫັດ HS)"),
    "Website": ("Trang web", "ເວັບໄຊ"),
    "HS edition": ("Phiên bản HS", "ສະບັບ HS"),
    "At least one name (Vietnamese, Lao or English) is required.": (
        "Cần ít nhất một tên (tiếng Việt, tiếng Lào hoặc tiếng Anh).",
        "ຕ້ອງມີຢ່າງໜ້ອຍໜຶ່ງຊື່ (ພາສາຫວຽດ, ລາວ ຫຼື ອັງກິດ).",
    ),
    "This zone is in another country.": ("Khu này thuộc quốc gia khác.", "ເຂດນີ້ຢູ່ໃນປະເທດອື່ນ."),
    "This tax identifier is already registered.": (
        "Mã số thuế này đã được đăng ký.",
        "ເລກປະຈຳຕົວຜູ້ເສຍອາກອນນີ້ໄດ້ລົງທະບຽນແລ້ວ.",
    ),
    "Supplier and buyer must be different enterprises.": (
        "Bên cung cấp và bên mua phải là hai doanh nghiệp khác nhau.",
        "ຜູ້ສະໜອງ ແລະ ຜູ້ຊື້ ຕ້ອງແມ່ນວິສາຫະກິດຕ່າງກັນ.",
    ),
    "You may not record relationships between these enterprises.": (
        "Bạn không được ghi nhận quan hệ giữa các doanh nghiệp này.",
        "ທ່ານບໍ່ມີສິດບັນທຶກສາຍພົວພັນລະຫວ່າງວິສາຫະກິດເຫຼົ່ານີ້.",
    ),
    "What the file holds": ("Nội dung tệp", "ເນື້ອໃນຂອງໄຟລ໌"),
    "Enterprises": ("Doanh nghiệp", "ວິສາຫະກິດ"),
    "Supplier-buyer relationships": ("Quan hệ cung ứng – mua bán", "ສາຍພົວພັນຜູ້ສະໜອງ-ຜູ້ຊື້"),
    "File (XLSX or CSV, UTF-8)": ("Tệp (XLSX hoặc CSV, UTF-8)", "ໄຟລ໌ (XLSX ຫຼື CSV, UTF-8)"),
    "you may not import firms of %(country)s": (
        "bạn không được nhập doanh nghiệp của %(country)s",
        "ທ່ານບໍ່ມີສິດນຳເຂົ້າວິສາຫະກິດຂອງ %(country)s",
    ),
    "at least one name (Vietnamese, Lao or English) is required": (
        "cần ít nhất một tên (tiếng Việt, tiếng Lào hoặc tiếng Anh)",
        "ຕ້ອງມີຢ່າງໜ້ອຍໜຶ່ງຊື່ (ພາສາຫວຽດ, ລາວ ຫຼື ອັງກິດ)",
    ),
    "tax identifier %(value)s repeats row %(row)s": (
        "mã số thuế %(value)s trùng với dòng %(row)s",
        "ເລກອາກອນ %(value)s ຊ້ຳກັບແຖວ %(row)s",
    ),
    "tax identifier %(value)s is already registered (enterprise #%(pk)s)": (
        "mã số thuế %(value)s đã được đăng ký (doanh nghiệp #%(pk)s)",
        "ເລກອາກອນ %(value)s ໄດ້ລົງທະບຽນແລ້ວ (ວິສາຫະກິດ #%(pk)s)",
    ),
    "no registered enterprise of %(country)s has tax identifier %(value)r": (
        "không có doanh nghiệp nào của %(country)s mang mã số thuế %(value)r",
        "ບໍ່ມີວິສາຫະກິດໃດຂອງ %(country)s ທີ່ມີເລກອາກອນ %(value)r",
    ),
    "supplier and buyer are the same enterprise": (
        "bên cung cấp và bên mua là cùng một doanh nghiệp",
        "ຜູ້ສະໜອງ ແລະ ຜູ້ຊື້ແມ່ນວິສາຫະກິດດຽວກັນ",
    ),
    "you may not record relationships between these enterprises": (
        "bạn không được ghi nhận quan hệ giữa các doanh nghiệp này",
        "ທ່ານບໍ່ມີສິດບັນທຶກສາຍພົວພັນລະຫວ່າງວິສາຫະກິດເຫຼົ່ານີ້",
    ),
    "this relationship repeats row %(row)s": (
        "quan hệ này trùng với dòng %(row)s",
        "ສາຍພົວພັນນີ້ຊ້ຳກັບແຖວ %(row)s",
    ),
    "this relationship is already registered": (
        "quan hệ này đã được đăng ký",
        "ສາຍພົວພັນນີ້ໄດ້ລົງທະບຽນແລ້ວ",
    ),
    "Agriculture, forestry and fishery": (
        "Nông, lâm nghiệp và thủy sản",
        "ກະສິກຳ, ປ່າໄມ້ ແລະ ການປະມົງ",
    ),
    "Industry": ("Công nghiệp", "ອຸດສາຫະກຳ"),
    "Construction": ("Xây dựng", "ການກໍ່ສ້າງ"),
    "Trade": ("Thương mại", "ການຄ້າ"),
    "Services": ("Dịch vụ", "ການບໍລິການ"),
    "Raw material": ("Nguyên liệu thô", "ວັດຖຸດິບ"),
    "Production and processing": ("Sản xuất, chế biến", "ການຜະລິດ ແລະ ປຸງແຕ່ງ"),
    "Manufacturing": ("Chế tạo", "ການຜະລິດສຳເລັດຮູບ"),
    "Design": ("Thiết kế", "ການອອກແບບ"),
    "Distribution": ("Phân phối", "ການຈຳໜ່າຍ"),
    "Micro": ("Siêu nhỏ", "ຈຸລະພາກ"),
    "Small": ("Nhỏ", "ຂະໜາດນ້ອຍ"),
    "Medium": ("Vừa", "ຂະໜາດກາງ"),
    "Large": ("Lớn", "ຂະໜາດໃຫຍ່"),
    "Unknown": ("Chưa xác định", "ບໍ່ຮູ້"),
    "Industrial park": ("Khu công nghiệp", "ນິຄົມອຸດສາຫະກຳ"),
    "Economic zone": ("Khu kinh tế", "ເຂດເສດຖະກິດ"),
    "Special economic zone": ("Đặc khu kinh tế", "ເຂດເສດຖະກິດພິເສດ"),
    "Specific economic zone": ("Khu kinh tế chuyên biệt", "ເຂດເສດຖະກິດສະເພາະ"),
    "Border economic zone": ("Khu kinh tế cửa khẩu", "ເຂດເສດຖະກິດດ່ານຊາຍແດນ"),
    "Pilot Viet Nam - Lao industrial park": (
        "Khu công nghiệp thí điểm Việt Nam – Lào",
        "ນິຄົມອຸດສາຫະກຳນຳຮ່ອງ ຫວຽດນາມ-ລາວ",
    ),
    "code": ("mã", "ລະຫັດ"),
    "province": ("tỉnh", "ແຂວງ"),
    "kind": ("loại", "ປະເພດ"),
    "name (English)": ("tên (tiếng Anh)", "ຊື່ (ພາສາອັງກິດ)"),
    "name (Vietnamese)": ("tên (tiếng Việt)", "ຊື່ (ພາສາຫວຽດ)"),
    "name (Lao)": ("tên (tiếng Lào)", "ຊື່ (ພາສາລາວ)"),
    "status": ("tình trạng", "ສະຖານະ"),
    "latitude": ("vĩ độ", "ເສັ້ນຂະໜານ"),
    "longitude": ("kinh độ", "ເສັ້ນແວງ"),
    "coordinate quality": ("độ tin cậy tọa độ", "ຄຸນນະພາບພິກັດ"),
    "verified against a source": ("đã đối chiếu nguồn", "ກວດສອບກັບແຫຼ່ງແລ້ວ"),
    "zone": ("khu", "ເຂດ"),
    "zones": ("khu", "ເຂດ"),
    "tax identifier": ("mã số thuế", "ເລກປະຈຳຕົວຜູ້ເສຍອາກອນ"),
    "sector": ("ngành", "ຂະແໜງ"),
    "value-chain stages": ("công đoạn chuỗi giá trị", "ຂັ້ນຕອນຕ່ອງໂສ້ມູນຄ່າ"),
    "space-separated stage codes": (
        "mã công đoạn, cách nhau bằng dấu cách",
        "ລະຫັດຂັ້ນຕອນ ແຍກດ້ວຍຍະຫວ່າງ",
    ),
    "priority chains": ("chuỗi ưu tiên", "ຕ່ອງໂສ້ບູລິມະສິດ"),
    "derived from products and inputs": (
        "suy ra từ sản phẩm và đầu vào",
        "ໄດ້ມາຈາກຜະລິດຕະພັນ ແລະ ວັດຖຸດິບ",
    ),
    "employees": ("số lao động", "ຈຳນວນພະນັກງານ"),
    "annual revenue": ("doanh thu năm", "ລາຍຮັບປະຈຳປີ"),
    "total capital": ("tổng nguồn vốn", "ທຶນທັງໝົດ"),
    "currency": ("đơn vị tiền tệ", "ສະກຸນເງິນ"),
    "of revenue and capital: the country's own currency": (
        "của doanh thu và vốn: đồng tiền của nước sở tại",
        "ຂອງລາຍຮັບ ແລະ ທຶນ: ສະກຸນເງິນຂອງປະເທດນັ້ນ",
    ),
    "production capacity": ("công suất", "ກຳລັງການຜະລິດ"),
    "size class": ("quy mô", "ຂະໜາດ"),
    "size basis": ("căn cứ xác định quy mô", "ພື້ນຖານການຈັດຂະໜາດ"),
    "certifications": ("chứng nhận", "ໃບຢັ້ງຢືນ"),
    "description": ("mô tả", "ລາຍລະອຽດ"),
    "contact person": ("người liên hệ", "ຜູ້ຕິດຕໍ່"),
    "contact email": ("email liên hệ", "ອີເມວຕິດຕໍ່"),
    "contact phone": ("điện thoại liên hệ", "ເບີໂທຕິດຕໍ່"),
    "website": ("trang web", "ເວັບໄຊ"),
    "fictional demo record": ("bản ghi minh họa hư cấu", "ຂໍ້ມູນສາທິດສົມມຸດ"),
    "Product made": ("Sản phẩm sản xuất", "ຜະລິດຕະພັນທີ່ຜະລິດ"),
    "Input needed": ("Đầu vào cần mua", "ວັດຖຸດິບທີ່ຕ້ອງການ"),
    "HS code": ("Mã HS", "ລະຫັດ HS"),
    "supplier": ("bên cung cấp", "ຜູ້ສະໜອງ"),
    "buyer": ("bên mua", "ຜູ້ຊື້"),
    "annual value (USD)": ("giá trị năm (USD)", "ມູນຄ່າປະຈຳປີ (USD)"),
    "since (year)": ("từ năm", "ຕັ້ງແຕ່ປີ"),
    "supplier-buyer relationship": ("quan hệ cung ứng – mua bán", "ສາຍພົວພັນຜູ້ສະໜອງ-ຜູ້ຊື້"),
    "supplier-buyer relationships": ("quan hệ cung ứng – mua bán", "ສາຍພົວພັນຜູ້ສະໜອງ-ຜູ້ຊື້"),
    "Open": ("Chưa xử lý", "ຍັງເປີດຢູ່"),
    "Merged": ("Đã hợp nhất", "ລວມແລ້ວ"),
    "Not a duplicate": ("Không trùng", "ບໍ່ແມ່ນການຊ້ຳ"),
    "name similarity": ("độ giống tên", "ຄວາມຄ້າຍຄືຂອງຊື່"),
    "likely duplicate": ("có thể trùng", "ອາດຈະຊ້ຳ"),
    "likely duplicates": ("có thể trùng", "ອາດຈະຊ້ຳ"),
    "Name": ("Tên", "ຊື່"),
    "Zone": ("Khu", "ເຂດ"),
    "Priority chains": ("Chuỗi ưu tiên", "ຕ່ອງໂສ້ບູລິມະສິດ"),
    "Size class": ("Quy mô", "ຂະໜາດ"),
    "fictional": ("hư cấu", "ສົມມຸດ"),
    "No enterprise matches these filters.": (
        "Không có doanh nghiệp nào khớp với bộ lọc.",
        "ບໍ່ມີວິສາຫະກິດໃດກົງກັບຕົວກອງນີ້.",
    ),
    "Pages": ("Trang", "ໜ້າ"),
    "Previous": ("Trước", "ກ່ອນໜ້າ"),
    "Page %(n)s of %(total)s": ("Trang %(n)s / %(total)s", "ໜ້າ %(n)s ຈາກ %(total)s"),
    "Next": ("Sau", "ຖັດໄປ"),
    "Likely duplicates": ("Có thể trùng lặp", "ຂໍ້ມູນທີ່ອາດຊ້ຳກັນ"),
    "Pairs of enterprises with similar names in the same province. Nothing is merged until a steward decides.": (
        "Các cặp doanh nghiệp có tên giống nhau trong cùng một tỉnh. Không có gì được hợp nhất cho đến khi người quản lý dữ liệu quyết định.",
        "ຄູ່ວິສາຫະກິດທີ່ມີຊື່ຄ້າຍກັນໃນແຂວງດຽວກັນ. ຈະບໍ່ມີການລວມໃດໆ ຈົນກວ່າຜູ້ຄຸ້ມຄອງຂໍ້ມູນຕັດສິນ.",
    ),
    "Enterprise": ("Doanh nghiệp", "ວິສາຫະກິດ"),
    "Looks like": ("Giống với", "ຄ້າຍກັບ"),
    "Similarity": ("Độ giống", "ຄວາມຄ້າຍຄື"),
    "Decision": ("Quyết định", "ການຕັດສິນ"),
    "Merge into the older record": ("Hợp nhất vào bản ghi cũ hơn", "ລວມເຂົ້າກັບຂໍ້ມູນເກົ່າ"),
    "No open duplicate.": ("Không có trường hợp trùng nào đang chờ.", "ບໍ່ມີຂໍ້ມູນຊ້ຳທີ່ລໍຖ້າ."),
    "Edit": ("Sửa", "ແກ້ໄຂ"),
    "Name (Vietnamese)": ("Tên (tiếng Việt)", "ຊື່ (ພາສາຫວຽດ)"),
    "Name (Lao)": ("Tên (tiếng Lào)", "ຊື່ (ພາສາລາວ)"),
    "Name (English)": ("Tên (tiếng Anh)", "ຊື່ (ພາສາອັງກິດ)"),
    "Tax identifier": ("Mã số thuế", "ເລກປະຈຳຕົວຜູ້ເສຍອາກອນ"),
    "Sector": ("Ngành", "ຂະແໜງ"),
    "Employees": ("Số lao động", "ຈຳນວນພະນັກງານ"),
    "Annual revenue": ("Doanh thu năm", "ລາຍຮັບປະຈຳປີ"),
    "Total capital": ("Tổng nguồn vốn", "ທຶນທັງໝົດ"),
    "Production capacity": ("Công suất", "ກຳລັງການຜະລິດ"),
    "Certifications": ("Chứng nhận", "ໃບຢັ້ງຢືນ"),
    "Contact": ("Liên hệ", "ຕິດຕໍ່"),
    "Products made": ("Sản phẩm sản xuất", "ຜະລິດຕະພັນທີ່ຜະລິດ"),
    "Inputs needed": ("Đầu vào cần mua", "ວັດຖຸດິບທີ່ຕ້ອງການ"),
    "HS codes of edition %(edition)s; descriptions as in UN Comtrade.": (
        "Mã HS phiên bản %(edition)s; mô tả theo UN Comtrade.",
        "ລະຫັດ HS ສະບັບ %(edition)s; ຄຳອະທິບາຍຕາມ UN Comtrade.",
    ),
    "Supplier–buyer relationships": ("Quan hệ cung ứng – mua bán", "ສາຍພົວພັນຜູ້ສະໜອງ-ຜູ້ຊື້"),
    "Supplier": ("Bên cung cấp", "ຜູ້ສະໜອງ"),
    "Buyer": ("Bên mua", "ຜູ້ຊື້"),
    "Annual value (USD)": ("Giá trị năm (USD)", "ມູນຄ່າປະຈຳປີ (USD)"),
    "Since": ("Từ năm", "ຕັ້ງແຕ່"),
    "No relationship recorded.": ("Chưa ghi nhận quan hệ nào.", "ຍັງບໍ່ມີສາຍພົວພັນທີ່ບັນທຶກໄວ້."),
    "Edit enterprise": ("Sửa doanh nghiệp", "ແກ້ໄຂວິສາຫະກິດ"),
    "New enterprise": ("Thêm doanh nghiệp", "ເພີ່ມວິສາຫະກິດ"),
    "The size class is computed from the country's SME law; revenue and capital are in the country's own currency.": (
        "Quy mô được tính theo luật DNNVV của từng nước; doanh thu và vốn tính bằng đồng tiền của nước đó.",
        "ຂະໜາດແມ່ນຄິດໄລ່ຕາມກົດໝາຍ SME ຂອງແຕ່ລະປະເທດ; ລາຍຮັບ ແລະ ທຶນ ເປັນສະກຸນເງິນຂອງປະເທດນັ້ນ.",
    ),
    "Save": ("Lưu", "ບັນທຶກ"),
    "Search": ("Tìm kiếm", "ຄົ້ນຫາ"),
    "name or tax id, accents optional": ("tên hoặc mã số thuế, không cần dấu", "ຊື່ ຫຼື ເລກອາກອນ"),
    "All": ("Tất cả", "ທັງໝົດ"),
    "Priority chain": ("Chuỗi ưu tiên", "ຕ່ອງໂສ້ບູລິມະສິດ"),
    "Stage": ("Công đoạn", "ຂັ້ນຕອນ"),
    "Filter": ("Lọc", "ກັ່ນຕອງ"),
    "Download XLSX": ("Tải XLSX", "ດາວໂຫຼດ XLSX"),
    "Overview": ("Tổng quan", "ພາບລວມ"),
    "Industrial linkage between Viet Nam and Lao PDR": (
        "Liên kết công nghiệp Việt Nam – Lào",
        "ການເຊື່ອມໂຍງອຸດສາຫະກຳ ລະຫວ່າງ ຫວຽດນາມ ແລະ ສປປ ລາວ",
    ),
    "lienket keeps the registry of enterprises of both countries, the zones they work in and who supplies whom, so that linkage chains can be planned and followed.": (
        "lienket lưu giữ sổ đăng ký doanh nghiệp của hai nước, các khu nơi họ hoạt động và quan hệ cung ứng giữa họ, để lập kế hoạch và theo dõi các chuỗi liên kết.",
        "lienket ເກັບທະບຽນວິສາຫະກິດຂອງສອງປະເທດ, ເຂດທີ່ພວກເຂົາເຄື່ອນໄຫວ ແລະ ວ່າໃຜສະໜອງໃຫ້ໃຜ, ເພື່ອວາງແຜນ ແລະ ຕິດຕາມຕ່ອງໂສ້ການເຊື່ອມໂຍງ.",
    ),
    "This installation holds fictional demo data: the enterprises and relationships shown are invented.": (
        "Hệ thống này chứa dữ liệu minh họa hư cấu: các doanh nghiệp và quan hệ hiển thị đều là giả định.",
        "ລະບົບນີ້ມີຂໍ້ມູນສາທິດສົມມຸດ: ວິສາຫະກິດ ແລະ ສາຍພົວພັນທີ່ສະແດງແມ່ນສ້າງຂຶ້ນ.",
    ),
    "enterprises in %(country)s": ("doanh nghiệp tại %(country)s", "ວິສາຫະກິດໃນ %(country)s"),
    "supplier–buyer relationships": ("quan hệ cung ứng – mua bán", "ສາຍພົວພັນຜູ້ສະໜອງ-ຜູ້ຊື້"),
    "%(n)s of them across the border": ("%(n)s quan hệ xuyên biên giới", "ໃນນັ້ນ %(n)s ຂ້າມຊາຍແດນ"),
    "Enterprises by priority chain": ("Doanh nghiệp theo chuỗi ưu tiên", "ວິສາຫະກິດຕາມຕ່ອງໂສ້ບູລິມະສິດ"),
    "Published aggregates. Firm-level records are open to focal points, ministry readers and registered enterprises.": (
        "Số liệu tổng hợp công khai. Dữ liệu từng doanh nghiệp dành cho đầu mối, người xem cấp bộ và doanh nghiệp đã đăng ký.",
        "ຂໍ້ມູນລວມທີ່ເຜີຍແຜ່. ຂໍ້ມູນລະດັບວິສາຫະກິດເປີດໃຫ້ຈຸດປະສານງານ, ຜູ້ອ່ານຂັ້ນກະຊວງ ແລະ ວິສາຫະກິດທີ່ລົງທະບຽນ.",
    ),
    "Import": ("Nhập dữ liệu", "ນຳເຂົ້າຂໍ້ມູນ"),
    "Import from XLSX or CSV": ("Nhập từ XLSX hoặc CSV", "ນຳເຂົ້າຈາກ XLSX ຫຼື CSV"),
    "An import saves every row or none: if any row has a problem, nothing is saved and every problem is listed with its row and column.": (
        "Mỗi lần nhập lưu tất cả các dòng hoặc không dòng nào: nếu có lỗi, không gì được lưu và mọi lỗi được liệt kê kèm dòng và cột.",
        "ການນຳເຂົ້າບັນທຶກທຸກແຖວ ຫຼື ບໍ່ບັນທຶກເລີຍ: ຖ້າມີບັນຫາ, ຈະບໍ່ບັນທຶກຫຍັງ ແລະ ທຸກບັນຫາຈະຖືກລະບຸພ້ອມແຖວ ແລະ ຖັນ.",
    ),
    "Template: enterprises": ("Mẫu: doanh nghiệp", "ແບບຟອມ: ວິສາຫະກິດ"),
    "Template: relationships": ("Mẫu: quan hệ", "ແບບຟອມ: ສາຍພົວພັນ"),
    "Check and import": ("Kiểm tra và nhập", "ກວດ ແລະ ນຳເຂົ້າ"),
    "%(n)s rows imported.": ("Đã nhập %(n)s dòng.", "ນຳເຂົ້າແລ້ວ %(n)s ແຖວ."),
    "%(n)s likely duplicates flagged for review.": (
        "%(n)s trường hợp có thể trùng đã được đánh dấu để xem xét.",
        "%(n)s ລາຍການທີ່ອາດຊ້ຳ ຖືກໝາຍໄວ້ເພື່ອກວດສອບ.",
    ),
    "Review": ("Xem xét", "ກວດສອບ"),
    "Download the problems as XLSX": ("Tải danh sách lỗi (XLSX)", "ດາວໂຫຼດລາຍການບັນຫາ (XLSX)"),
    "File": ("Tệp", "ໄຟລ໌"),
    "Row": ("Dòng", "ແຖວ"),
    "Column": ("Cột", "ຖັນ"),
    "Problem": ("Vấn đề", "ບັນຫາ"),
    "New relationship": ("Thêm quan hệ", "ເພີ່ມສາຍພົວພັນ"),
    "Relationships": ("Quan hệ", "ສາຍພົວພັນ"),
    "Only across the border": ("Chỉ quan hệ xuyên biên giới", "ສະເພາະຂ້າມຊາຍແດນ"),
    "Kind": ("Loại", "ປະເພດ"),
    "Coordinates": ("Tọa độ", "ພິກັດ"),
    "Notes": ("Ghi chú", "ໝາຍເຫດ"),
    "No enterprise recorded in this zone.": (
        "Chưa có doanh nghiệp nào trong khu này.",
        "ຍັງບໍ່ມີວິສາຫະກິດໃນເຂດນີ້.",
    ),
    "Zones": ("Khu", "ເຂດ"),
    "Coordinates marked “approximate” were typed from general knowledge and are not verified against an official source.": (
        "Tọa độ ghi “approximate” (gần đúng) được nhập theo hiểu biết chung và chưa được đối chiếu với nguồn chính thức.",
        "ພິກັດທີ່ໝາຍວ່າ “approximate” (ໂດຍປະມານ) ແມ່ນປ້ອນຈາກຄວາມຮູ້ທົ່ວໄປ ແລະ ຍັງບໍ່ໄດ້ກວດສອບກັບແຫຼ່ງທາງການ.",
    ),
    "Status": ("Tình trạng", "ສະຖານະ"),
    "unverified": ("chưa kiểm chứng", "ຍັງບໍ່ໄດ້ກວດສອບ"),
    "%(country)s is not one of this platform's countries (%(pair)s)": (
        "%(country)s không thuộc các nước của hệ thống này (%(pair)s)",
        "%(country)s ບໍ່ແມ່ນປະເທດຂອງລະບົບນີ້ (%(pair)s)",
    ),
    "unknown country %(value)r": ("quốc gia không xác định %(value)r", "ປະເທດທີ່ບໍ່ຮູ້ຈັກ %(value)r"),
    "a province is required": ("cần có tỉnh", "ຕ້ອງມີແຂວງ"),
    "unknown province %(value)r for %(country)s": (
        "tỉnh không xác định %(value)r của %(country)s",
        "ແຂວງທີ່ບໍ່ຮູ້ຈັກ %(value)r ສຳລັບ %(country)s",
    ),
    "zone %(value)r is not in %(country)s": (
        "khu %(value)r không thuộc %(country)s",
        "ເຂດ %(value)r ບໍ່ໄດ້ຢູ່ໃນ %(country)s",
    ),
    "unknown zone %(value)r": ("khu không xác định %(value)r", "ເຂດທີ່ບໍ່ຮູ້ຈັກ %(value)r"),
    "unknown sector %(value)r; use one of %(choices)s": (
        "ngành không xác định %(value)r; hãy dùng một trong %(choices)s",
        "ຂະແໜງທີ່ບໍ່ຮູ້ຈັກ %(value)r; ກະລຸນາໃຊ້ໜຶ່ງໃນ %(choices)s",
    ),
    "unknown value-chain stage %(value)r; use %(choices)s": (
        "công đoạn không xác định %(value)r; hãy dùng %(choices)s",
        "ຂັ້ນຕອນທີ່ບໍ່ຮູ້ຈັກ %(value)r; ກະລຸນາໃຊ້ %(choices)s",
    ),
    "unknown HS edition %(value)r; use %(choices)s": (
        "phiên bản HS không xác định %(value)r; hãy dùng %(choices)s",
        "ສະບັບ HS ທີ່ບໍ່ຮູ້ຈັກ %(value)r; ກະລຸນາໃຊ້ %(choices)s",
    ),
    "%(value)r is not an HS code of 4 or 6 digits": (
        "%(value)r không phải mã HS 4 hoặc 6 chữ số",
        "%(value)r ບໍ່ແມ່ນລະຫັດ HS 4 ຫຼື 6 ຕົວເລກ",
    ),
    "HS code %(code)s does not exist in %(edition)s": (
        "mã HS %(code)s không có trong %(edition)s",
        "ລະຫັດ HS %(code)s ບໍ່ມີໃນ %(edition)s",
    ),
    "tax identifier %(value)r does not have %(country)s's format (%(example)s)": (
        "mã số thuế %(value)r không đúng định dạng của %(country)s (%(example)s)",
        "ເລກອາກອນ %(value)r ບໍ່ຖືກຮູບແບບຂອງ %(country)s (%(example)s)",
    ),
    "%(value)r is not a whole number": ("%(value)r không phải số nguyên", "%(value)r ບໍ່ແມ່ນຈຳນວນເຕັມ"),
    "%(value)r is not a whole number of zero or more": (
        "%(value)r không phải số nguyên không âm",
        "%(value)r ບໍ່ແມ່ນຈຳນວນເຕັມທີ່ບໍ່ຕິດລົບ",
    ),
    "%(value)r is not a number": ("%(value)r không phải là số", "%(value)r ບໍ່ແມ່ນຕົວເລກ"),
    "%(value)r must be zero or more": (
        "%(value)r phải lớn hơn hoặc bằng 0",
        "%(value)r ຕ້ອງເທົ່າກັບ 0 ຫຼື ຫຼາຍກວ່າ",
    ),
    "revenue and capital of %(country)s firms are recorded in %(currency)s": (
        "doanh thu và vốn của doanh nghiệp %(country)s được ghi bằng %(currency)s",
        "ລາຍຮັບ ແລະ ທຶນ ຂອງວິສາຫະກິດ %(country)s ບັນທຶກເປັນ %(currency)s",
    ),
    "%(value)r is not an email address": (
        "%(value)r không phải địa chỉ email",
        "%(value)r ບໍ່ແມ່ນທີ່ຢູ່ອີເມວ",
    ),
    "%(value)r is not a web address": ("%(value)r không phải địa chỉ web", "%(value)r ບໍ່ແມ່ນທີ່ຢູ່ເວັບ"),
    "%(value)r is not yes or no": ("%(value)r không phải có hoặc không", "%(value)r ບໍ່ແມ່ນ ແມ່ນ ຫຼື ບໍ່"),
    "%(value)r is not a year": ("%(value)r không phải là năm", "%(value)r ບໍ່ແມ່ນປີ"),
    "Enterprise saved.": ("Đã lưu doanh nghiệp.", "ບັນທຶກວິສາຫະກິດແລ້ວ."),
    "Relationship saved.": ("Đã lưu quan hệ.", "ບັນທຶກສາຍພົວພັນແລ້ວ."),
    "Marked as two different enterprises.": (
        "Đã ghi nhận là hai doanh nghiệp khác nhau.",
        "ໝາຍວ່າແມ່ນສອງວິສາຫະກິດຕ່າງກັນແລ້ວ.",
    ),
    "Enterprises merged.": ("Đã hợp nhất doanh nghiệp.", "ລວມວິສາຫະກິດແລ້ວ."),
    "English": ("Tiếng Anh", "ພາສາອັງກິດ"),
    "Vietnamese": ("Tiếng Việt", "ພາສາຫວຽດນາມ"),
    "Lao": ("Tiếng Lào", "ພາສາລາວ"),
    "Not allowed": ("Không được phép", "ບໍ່ອະນຸຍາດ"),
    "Your role does not give access to this page.": (
        "Vai trò của bạn không được truy cập trang này.",
        "ບົດບາດຂອງທ່ານບໍ່ມີສິດເຂົ້າເຖິງໜ້ານີ້.",
    ),
    "Not found": ("Không tìm thấy", "ບໍ່ພົບ"),
    "There is no such page.": ("Không có trang này.", "ບໍ່ມີໜ້ານີ້."),
    "Skip to content": ("Bỏ qua, đến nội dung", "ຂ້າມໄປຫາເນື້ອໃນ"),
    "Viet Nam – Lao PDR linkage": ("Liên kết Việt Nam – Lào", "ການເຊື່ອມໂຍງ ຫວຽດນາມ – ລາວ"),
    "Main": ("Chính", "ຫຼັກ"),
    "Duplicates": ("Trùng lặp", "ຂໍ້ມູນຊ້ຳ"),
    "Language": ("Ngôn ngữ", "ພາສາ"),
    "Switch": ("Đổi", "ປ່ຽນ"),
    "Log out": ("Đăng xuất", "ອອກຈາກລະບົບ"),
    "Log in": ("Đăng nhập", "ເຂົ້າສູ່ລະບົບ"),
    "lienket is open-source software. Records marked “fictional” are invented demo data, not facts.": (
        "lienket là phần mềm nguồn mở. Các bản ghi đánh dấu “hư cấu” là dữ liệu minh họa giả định, không phải sự thật.",
        "lienket ແມ່ນຊອບແວລະຫັດເປີດ. ຂໍ້ມູນທີ່ໝາຍວ່າ “ສົມມຸດ” ແມ່ນຂໍ້ມູນສາທິດທີ່ສ້າງຂຶ້ນ, ບໍ່ແມ່ນຄວາມຈິງ.",
    ),
    "User name": ("Tên đăng nhập", "ຊື່ຜູ້ໃຊ້"),
    "Password": ("Mật khẩu", "ລະຫັດຜ່ານ"),
}
T.update(
    {
        "This field is required.": ("Trường này là bắt buộc.", "ຕ້ອງປ້ອນຂໍ້ມູນນີ້."),
        "Enter a whole number.": ("Hãy nhập một số nguyên.", "ກະລຸນາປ້ອນຈຳນວນເຕັມ."),
        "Enter a number.": ("Hãy nhập một số.", "ກະລຸນາປ້ອນຕົວເລກ."),
        "Enter a valid email address.": ("Hãy nhập địa chỉ email hợp lệ.", "ກະລຸນາປ້ອນທີ່ຢູ່ອີເມວທີ່ຖືກຕ້ອງ."),
        "Enter a valid URL.": ("Hãy nhập địa chỉ web hợp lệ.", "ກະລຸນາປ້ອນທີ່ຢູ່ເວັບທີ່ຖືກຕ້ອງ."),
        "Select a valid choice. %(value)s is not one of the available choices.": (
            "Hãy chọn một giá trị hợp lệ. %(value)s không nằm trong các lựa chọn.",
            "ກະລຸນາເລືອກຄ່າທີ່ຖືກຕ້ອງ. %(value)s ບໍ່ຢູ່ໃນຕົວເລືອກ.",
        ),
        "Select a valid choice. That choice is not one of the available choices.": (
            "Hãy chọn một giá trị hợp lệ. Lựa chọn đó không có trong danh sách.",
            "ກະລຸນາເລືອກຄ່າທີ່ຖືກຕ້ອງ. ຕົວເລືອກນັ້ນບໍ່ມີໃນລາຍການ.",
        ),
        "The submitted file is empty.": ("Tệp gửi lên bị trống.", "ໄຟລ໌ທີ່ສົ່ງມາຫວ່າງເປົ່າ."),
        "No file was submitted. Check the encoding type on the form.": (
            "Chưa có tệp nào được gửi. Hãy kiểm tra kiểu mã hóa của biểu mẫu.",
            "ບໍ່ມີໄຟລ໌ຖືກສົ່ງມາ. ກະລຸນາກວດປະເພດການເຂົ້າລະຫັດຂອງແບບຟອມ.",
        ),
        "Ensure this value is greater than or equal to %(limit_value)s.": (
            "Giá trị phải lớn hơn hoặc bằng %(limit_value)s.",
            "ຄ່ານີ້ຕ້ອງຫຼາຍກວ່າ ຫຼື ເທົ່າກັບ %(limit_value)s.",
        ),
        "Please enter a correct %(username)s and password. Note that both fields may be case-sensitive.": (
            "Hãy nhập đúng %(username)s và mật khẩu. Lưu ý cả hai đều phân biệt chữ hoa và chữ thường.",
            "ກະລຸນາປ້ອນ %(username)s ແລະ ລະຫັດຜ່ານໃຫ້ຖືກຕ້ອງ. ທັງສອງອາດແຍກຕົວພິມໃຫຍ່ ແລະ ນ້ອຍ.",
        ),
        "This account is inactive.": ("Tài khoản này đã bị vô hiệu hóa.", "ບັນຊີນີ້ຖືກປິດການໃຊ້ງານ."),
        "Authentication credentials were not provided.": (
            "Chưa cung cấp thông tin xác thực.",
            "ບໍ່ໄດ້ສະໜອງຂໍ້ມູນຢັ້ງຢືນຕົວຕົນ.",
        ),
        "You do not have permission to perform this action.": (
            "Bạn không có quyền thực hiện thao tác này.",
            "ທ່ານບໍ່ມີສິດດຳເນີນການນີ້.",
        ),
    }
)
T["The country of a firm cannot change."] = (
    "Không thể thay đổi quốc gia của doanh nghiệp.",
    "ບໍ່ສາມາດປ່ຽນປະເທດຂອງວິສາຫະກິດໄດ້.",
)
T["Check only"] = ("Chỉ kiểm tra", "ກວດເທົ່ານັ້ນ")
T["%(n)s rows checked: no problem found. Nothing was saved yet."] = (
    "Đã kiểm tra %(n)s dòng: không có lỗi. Chưa lưu gì.",
    "ກວດແລ້ວ %(n)s ແຖວ: ບໍ່ພົບບັນຫາ. ຍັງບໍ່ທັນບັນທຶກຫຍັງ.",
)
T.update(
    {
        "time": ("thời điểm", "ເວລາ"),
        "by": ("người thực hiện", "ໂດຍ"),
        "action": ("thao tác", "ການດຳເນີນການ"),
        "object type": ("loại đối tượng", "ປະເພດວັດຖຸ"),
        "object": ("đối tượng", "ວັດຖຸ"),
        "summary": ("tóm tắt", "ສະຫຼຸບ"),
        "audit event": ("sự kiện nhật ký", "ເຫດການບັນທຶກ"),
        "audit events": ("nhật ký thay đổi", "ບັນທຶກການປ່ຽນແປງ"),
        "History": ("Lịch sử thay đổi", "ປະຫວັດການປ່ຽນແປງ"),
        "Time": ("Thời điểm", "ເວລາ"),
        "By": ("Người thực hiện", "ໂດຍ"),
        "Action": ("Thao tác", "ການດຳເນີນການ"),
        "Details": ("Chi tiết", "ລາຍລະອຽດ"),
        "created": ("tạo mới", "ສ້າງໃໝ່"),
        "updated": ("cập nhật", "ປັບປຸງ"),
        "imported": ("nhập từ tệp", "ນຳເຂົ້າຈາກໄຟລ໌"),
        "merged a duplicate into it": ("hợp nhất bản ghi trùng vào", "ລວມຂໍ້ມູນຊ້ຳເຂົ້າມາ"),
        "marked as not a duplicate": ("xác nhận không trùng", "ຢືນຢັນວ່າບໍ່ຊ້ຳ"),
    }
)
T["the text is %(length)s characters long; at most %(max)s fit"] = (
    "văn bản dài %(length)s ký tự; tối đa là %(max)s",
    "ຂໍ້ຄວາມຍາວ %(length)s ຕົວອັກສອນ; ສູງສຸດໄດ້ %(max)s",
)
PLURALS = {
    "%(n)s enterprise": ("%(n)s doanh nghiệp", "ວິສາຫະກິດ %(n)s ແຫ່ງ"),
    "%(n)s problem found; nothing was imported.": (
        "Phát hiện %(n)s lỗi; không có gì được nhập.",
        "ພົບ %(n)s ບັນຫາ; ບໍ່ມີຫຍັງຖືກນຳເຂົ້າ.",
    ),
}


def fill(lang: str, index: int) -> list[str]:
    path = (
        Path(__file__).resolve().parents[1] / "src/lienket/locale" / lang / "LC_MESSAGES/django.po"
    )
    po = polib.pofile(str(path))
    po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    po.metadata["Language"] = lang
    missing = []
    for entry in po:
        if entry.msgid_plural:
            if entry.msgid in PLURALS:
                entry.msgstr_plural = {0: PLURALS[entry.msgid][index]}
            else:
                missing.append(entry.msgid)
        elif entry.msgid in T:
            entry.msgstr = T[entry.msgid][index]
        elif not entry.msgstr:
            missing.append(entry.msgid)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save(str(path))
    return missing


if __name__ == "__main__":
    for i, lang in enumerate(("vi", "lo")):
        print(lang, "missing:", fill(lang, i))
