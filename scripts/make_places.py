#!/usr/bin/python3
"""Writes data/places.tsv: the gazetteer of countries, capitals and major cities.

Country rows are generated from ICU's Arabic display names (python3-icu,
icu.Locale("", CODE).getDisplayCountry(icu.Locale("ar"))) plus the spelling
variants news uses, listed below. City rows are the list below. Run:
    /usr/bin/python3 scripts/make_places.py > data/places.tsv
and never edit data/places.tsv by hand.
"""
import icu

# ISO codes of the countries to list (every UN member + a few territories).
COUNTRIES = """AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ
CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB
GD GE GH GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR
KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE
NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PS PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM
SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VN VU WS XK
YE ZA ZM ZW EH HK""".split()

# Spelling variants seen in Arabic news, by country code.
VARIANTS = {
    "SY": "سورية,سوريّا,الجمهورية العربية السورية",
    "US": "أمريكا,أميركا,امريكا,اميركا,الولايات المتحدة الأمريكية,الولايات المتحدة الأميركية,واشنطن,USA",
    "GB": "بريطانيا,المملكة المتحدة,انجلترا,إنجلترا,UK",
    "RU": "روسيا الاتحادية,روسيّا",
    "SA": "السعودية,المملكة العربية السعودية",
    "AE": "الإمارات,الامارات,الإمارات العربية المتحدة,دولة الإمارات",
    "EG": "مصر,جمهورية مصر العربية",
    "IQ": "العراق",
    "LB": "لبنان",
    "JO": "الأردن,الاردن,المملكة الأردنية الهاشمية",
    "PS": "فلسطين,الأراضي الفلسطينية",
    "IL": "إسرائيل,اسرائيل",
    "TR": "تركيا",
    "IR": "إيران,ايران",
    "YE": "اليمن",
    "LY": "ليبيا",
    "TN": "تونس",
    "DZ": "الجزائر",
    "MA": "المغرب,المملكة المغربية",
    "SD": "السودان",
    "SS": "جنوب السودان",
    "KW": "الكويت",
    "QA": "قطر",
    "BH": "البحرين",
    "OM": "عمان,سلطنة عمان,سلطنة عُمان",
    "MR": "موريتانيا",
    "SO": "الصومال",
    "DJ": "جيبوتي",
    "KM": "جزر القمر",
    "DE": "ألمانيا,المانيا",
    "FR": "فرنسا",
    "CH": "سويسرا",
    "CN": "الصين",
    "AF": "أفغانستان,افغانستان",
    "PK": "باكستان",
    "UA": "أوكرانيا,اوكرانيا",
    "IT": "إيطاليا,ايطاليا",
    "ES": "إسبانيا,اسبانيا",
    "GR": "اليونان",
    "CY": "قبرص",
    "IN": "الهند",
    "JP": "اليابان",
    "KR": "كوريا الجنوبية",
    "KP": "كوريا الشمالية",
    "NL": "هولندا",
    "BE": "بلجيكا",
    "AT": "النمسا",
    "SE": "السويد",
    "NO": "النرويج",
    "CA": "كندا",
    "AU": "أستراليا,استراليا",
    "BR": "البرازيل",
    "ET": "إثيوبيا,اثيوبيا",
    "ER": "إريتريا,اريتريا",
    "EH": "الصحراء الغربية",
}

# Capitals and major cities: name, type, country, English, variants.
CITIES = """
دمشق	capital	SY	Damascus	الشام
حلب	city	SY	Aleppo
حمص	city	SY	Homs
حماة	city	SY	Hama	حماه
اللاذقية	city	SY	Latakia
طرطوس	city	SY	Tartus
دير الزور	city	SY	Deir ez-Zor	دير الزّور
الرقة	city	SY	Raqqa	الرّقة
إدلب	city	SY	Idlib	ادلب
درعا	city	SY	Daraa
الحسكة	city	SY	Hasakah
القامشلي	city	SY	Qamishli
داريا	city	SY	Daraya
جرابلس	city	SY	Jarabulus
منبج	city	SY	Manbij
بيروت	capital	LB	Beirut
طرابلس	capital	LY	Tripoli	طرابلس الغرب
صيدا	city	LB	Sidon
صور	city	LB	Tyre
بعلبك	city	LB	Baalbek
زحلة	city	LB	Zahle
عمان	capital	JO	Amman	عمّان
الزرقاء	city	JO	Zarqa
إربد	city	JO	Irbid	اربد
العقبة	city	JO	Aqaba
القدس	capital	PS	Jerusalem	القدس المحتلة,القدس الشريف
رام الله	city	PS	Ramallah
غزة	city	PS	Gaza	قطاع غزة
نابلس	city	PS	Nablus
الخليل	city	PS	Hebron
جنين	city	PS	Jenin
بيت لحم	city	PS	Bethlehem
تل أبيب	city	IL	Tel Aviv	تل ابيب
حيفا	city	IL	Haifa
يافا	city	IL	Jaffa
الناصرة	city	IL	Nazareth
بغداد	capital	IQ	Baghdad
البصرة	city	IQ	Basra
الموصل	city	IQ	Mosul
أربيل	city	IQ	Erbil	اربيل,هولير
كركوك	city	IQ	Kirkuk
النجف	city	IQ	Najaf
كربلاء	city	IQ	Karbala
السليمانية	city	IQ	Sulaymaniyah
الفلوجة	city	IQ	Fallujah
الرمادي	city	IQ	Ramadi
تكريت	city	IQ	Tikrit
الرياض	capital	SA	Riyadh
جدة	city	SA	Jeddah	جده
مكة المكرمة	city	SA	Mecca	مكة,مكه
المدينة المنورة	city	SA	Medina
الدمام	city	SA	Dammam
الخبر	city	SA	Khobar
الطائف	city	SA	Taif
تبوك	city	SA	Tabuk
أبها	city	SA	Abha	ابها
جازان	city	SA	Jazan	جيزان
نجران	city	SA	Najran
حائل	city	SA	Hail
بريدة	city	SA	Buraidah
القصيم	region	SA	Qassim
الأحساء	city	SA	Al-Ahsa	الاحساء
القطيف	city	SA	Qatif
ينبع	city	SA	Yanbu
الجبيل	city	SA	Jubail
حفر الباطن	city	SA	Hafar Al-Batin
جزيرة فرسان	city	SA	Farasan Island	فرسان
أبوظبي	capital	AE	Abu Dhabi	أبو ظبي,ابوظبي,ابو ظبي
دبي	city	AE	Dubai
الشارقة	city	AE	Sharjah
عجمان	city	AE	Ajman
رأس الخيمة	city	AE	Ras Al Khaimah	راس الخيمة
الفجيرة	city	AE	Fujairah
العين	city	AE	Al Ain
الدوحة	capital	QA	Doha
المنامة	capital	BH	Manama
الكويت	capital	KW	Kuwait City	مدينة الكويت
مسقط	capital	OM	Muscat
صلالة	city	OM	Salalah
صنعاء	capital	YE	Sanaa
عدن	city	YE	Aden
تعز	city	YE	Taiz
الحديدة	city	YE	Hodeidah
مأرب	city	YE	Marib	مارب
المكلا	city	YE	Mukalla
القاهرة	capital	EG	Cairo
الإسكندرية	city	EG	Alexandria	الاسكندرية
الجيزة	city	EG	Giza
بورسعيد	city	EG	Port Said	بور سعيد
السويس	city	EG	Suez
الإسماعيلية	city	EG	Ismailia
الأقصر	city	EG	Luxor
أسوان	city	EG	Aswan	اسوان
أسيوط	city	EG	Asyut
المنصورة	city	EG	Mansoura
طنطا	city	EG	Tanta
العريش	city	EG	Arish
شرم الشيخ	city	EG	Sharm El Sheikh
الغردقة	city	EG	Hurghada
الخرطوم	capital	SD	Khartoum
أم درمان	city	SD	Omdurman	ام درمان
بورتسودان	city	SD	Port Sudan
جوبا	capital	SS	Juba
بنغازي	city	LY	Benghazi
مصراتة	city	LY	Misrata
سرت	city	LY	Sirte
سبها	city	LY	Sabha
طبرق	city	LY	Tobruk
درنة	city	LY	Derna
تونس	capital	TN	Tunis	تونس العاصمة
صفاقس	city	TN	Sfax
سوسة	city	TN	Sousse
القيروان	city	TN	Kairouan
الجزائر	capital	DZ	Algiers	الجزائر العاصمة
وهران	city	DZ	Oran
قسنطينة	city	DZ	Constantine
عنابة	city	DZ	Annaba
الرباط	capital	MA	Rabat
الدار البيضاء	city	MA	Casablanca	الدارالبيضاء
مراكش	city	MA	Marrakesh
فاس	city	MA	Fes
طنجة	city	MA	Tangier
أكادير	city	MA	Agadir	اكادير
نواكشوط	capital	MR	Nouakchott
مقديشو	capital	SO	Mogadishu
جيبوتي	capital	DJ	Djibouti
موروني	capital	KM	Moroni
أنقرة	capital	TR	Ankara	انقرة
إسطنبول	city	TR	Istanbul	اسطنبول,استانبول
إزمير	city	TR	Izmir
غازي عنتاب	city	TR	Gaziantep
طهران	capital	IR	Tehran
مشهد	city	IR	Mashhad
أصفهان	city	IR	Isfahan	اصفهان
كابل	capital	AF	Kabul
إسلام آباد	capital	PK	Islamabad	اسلام اباد
كراتشي	city	PK	Karachi
نيودلهي	capital	IN	New Delhi	نيو دلهي
موسكو	capital	RU	Moscow
سان بطرسبورغ	city	RU	Saint Petersburg	سانت بطرسبرغ
سوتشي	city	RU	Sochi
كييف	capital	UA	Kyiv	كيف
واشنطن	capital	US	Washington	واشنطن العاصمة
نيويورك	city	US	New York
لوس أنجلوس	city	US	Los Angeles
شيكاغو	city	US	Chicago
لندن	capital	GB	London
باريس	capital	FR	Paris
برلين	capital	DE	Berlin
روما	capital	IT	Rome
مدريد	capital	ES	Madrid
جنيف	city	CH	Geneva
برن	capital	CH	Bern
زيورخ	city	CH	Zurich
لوزان	city	CH	Lausanne
فيينا	capital	AT	Vienna
بروكسل	capital	BE	Brussels
أمستردام	capital	NL	Amsterdam	امستردام
لاهاي	city	NL	The Hague
أثينا	capital	GR	Athens	اثينا
نيقوسيا	capital	CY	Nicosia
ستوكهولم	capital	SE	Stockholm
أوسلو	capital	NO	Oslo	اوسلو
كوبنهاغن	capital	DK	Copenhagen	كوبنهاجن
وارسو	capital	PL	Warsaw
بكين	capital	CN	Beijing
شنغهاي	city	CN	Shanghai
طوكيو	capital	JP	Tokyo
سيول	capital	KR	Seoul
بيونغ يانغ	capital	KP	Pyongyang
أوتاوا	capital	CA	Ottawa
تورونتو	city	CA	Toronto
كانبيرا	capital	AU	Canberra
سيدني	city	AU	Sydney
برازيليا	capital	BR	Brasilia
أديس أبابا	capital	ET	Addis Ababa	اديس ابابا
أسمرة	capital	ER	Asmara
نيروبي	capital	KE	Nairobi
لاغوس	city	NG	Lagos
أبوجا	capital	NG	Abuja
داكار	capital	SN	Dakar
باماكو	capital	ML	Bamako
نيامي	capital	NE	Niamey
انجامينا	capital	TD	N'Djamena	نجامينا
كيب تاون	city	ZA	Cape Town
جوهانسبرغ	city	ZA	Johannesburg
بريتوريا	capital	ZA	Pretoria
جاكرتا	capital	ID	Jakarta
كوالالمبور	capital	MY	Kuala Lumpur
دكا	capital	BD	Dhaka
باكو	capital	AZ	Baku
تبليسي	capital	GE	Tbilisi
يريفان	capital	AM	Yerevan
طشقند	capital	UZ	Tashkent
أستانا	capital	KZ	Astana	استانا
مينسك	capital	BY	Minsk
بلغراد	capital	RS	Belgrade
سراييفو	capital	BA	Sarajevo
صوفيا	capital	BG	Sofia
بوخارست	capital	RO	Bucharest
بودابست	capital	HU	Budapest
براغ	capital	CZ	Prague
لشبونة	capital	PT	Lisbon
دبلن	capital	IE	Dublin
هلسنكي	capital	FI	Helsinki
مكسيكو	capital	MX	Mexico City
بوينس آيرس	capital	AR	Buenos Aires
كراكاس	capital	VE	Caracas
هافانا	capital	CU	Havana
الفاتيكان	capital	VA	Vatican City
نيويورك	city	US	New York	نيو يورك
القنفذة	city	SA	Al Qunfudhah
الليث	city	SA	Al Lith
رابغ	city	SA	Rabigh
تيماء	city	SA	Tayma
العلا	city	SA	AlUla
النماص	city	SA	Al Namas
بيشة	city	SA	Bisha
خميس مشيط	city	SA	Khamis Mushait
محايل عسير	city	SA	Muhayil
الباحة	city	SA	Al Bahah
سكاكا	city	SA	Sakakah
الجوف	region	SA	Al Jawf
عرعر	city	SA	Arar
الحدود الشمالية	region	SA	Northern Borders
رفحاء	city	SA	Rafha
القريات	city	SA	Al Qurayyat
طريف	city	SA	Turaif
عنيزة	city	SA	Unaizah
الرس	city	SA	Ar Rass
المجمعة	city	SA	Al Majmaah
الزلفي	city	SA	Az Zulfi
الخرج	city	SA	Al Kharj
الدوادمي	city	SA	Dawadmi
وادي الدواسر	city	SA	Wadi ad-Dawasir
الأفلاج	city	SA	Al Aflaj	الافلاج
شرورة	city	SA	Sharurah
صبيا	city	SA	Sabya
أبو عريش	city	SA	Abu Arish	ابو عريش
صامطة	city	SA	Samtah
الظهران	city	SA	Dhahran
الهفوف	city	SA	Hofuf
حفر الباطن	city	SA	Hafar Al-Batin
عسير	region	SA	Asir
المنطقة الشرقية	region	SA	Eastern Province	الشرقية
تربة	city	SA	Turabah
الخرمة	city	SA	Al Khurmah
رنية	city	SA	Ranyah
الجموم	city	SA	Al Jumum
خليص	city	SA	Khulais
الوجه	city	SA	Al Wajh
ضباء	city	SA	Duba
أملج	city	SA	Umluj	املج
حقل	city	SA	Haql
البكيرية	city	SA	Al Bukayriyah
الجبيل الصناعية	city	SA	Jubail Industrial City
نيوم	city	SA	NEOM
الكويت العاصمة	city	KW	Kuwait City
الجهراء	city	KW	Jahra
الأحمدي	city	KW	Ahmadi	الاحمدي
حولي	city	KW	Hawalli
الفروانية	city	KW	Farwaniya
الريان	city	QA	Al Rayyan
الوكرة	city	QA	Al Wakrah
المحرق	city	BH	Muharraq
الرفاع	city	BH	Riffa
صحار	city	OM	Sohar
نزوى	city	OM	Nizwa
صور العمانية	city	OM	Sur
المكلا	city	YE	Mukalla
سيئون	city	YE	Seiyun
إب	city	YE	Ibb	اب
ذمار	city	YE	Dhamar
صعدة	city	YE	Saada
حجة	city	YE	Hajjah
البيضاء	city	YE	Al Bayda
لحج	city	YE	Lahij
أبين	city	YE	Abyan	ابين
شبوة	city	YE	Shabwah
حضرموت	region	YE	Hadramaut
الجوف اليمنية	region	YE	Al Jawf (Yemen)
المحلة الكبرى	city	EG	El Mahalla El Kubra
الزقازيق	city	EG	Zagazig
دمياط	city	EG	Damietta
الفيوم	city	EG	Faiyum
بني سويف	city	EG	Beni Suef
المنيا	city	EG	Minya
سوهاج	city	EG	Sohag
قنا	city	EG	Qena
الغردقة	city	EG	Hurghada
مرسى مطروح	city	EG	Marsa Matruh	مطروح
رفح	city	PS	Rafah
خان يونس	city	PS	Khan Yunis	خانيونس
دير البلح	city	PS	Deir al-Balah
طولكرم	city	PS	Tulkarm
قلقيلية	city	PS	Qalqilya
أريحا	city	PS	Jericho	اريحا
عكا	city	IL	Acre
بئر السبع	city	IL	Beersheba
السلط	city	JO	Salt
الكرك	city	JO	Karak
معان	city	JO	Ma'an
المفرق	city	JO	Mafraq
جرش	city	JO	Jerash
مادبا	city	JO	Madaba
الرمثا	city	JO	Ramtha
النبطية	city	LB	Nabatieh
جونية	city	LB	Jounieh
البقاع	region	LB	Beqaa
عرسال	city	LB	Arsal
الضاحية الجنوبية	city	LB	Dahieh	الضاحية
القصير	city	SY	Al-Qusayr
تدمر	city	SY	Palmyra
عفرين	city	SY	Afrin
كوباني	city	SY	Kobani	عين العرب
تل أبيض	city	SY	Tell Abyad	تل ابيض
الباب	city	SY	al-Bab
معرة النعمان	city	SY	Maarat al-Numan
خان شيخون	city	SY	Khan Shaykhun
السويداء	city	SY	As-Suwayda
القنيطرة	city	SY	Quneitra
دوما	city	SY	Douma
الغوطة الشرقية	region	SY	Eastern Ghouta	الغوطة
البوكمال	city	SY	Abu Kamal
الميادين	city	SY	Al Mayadin
حميميم	city	SY	Hmeimim
سامراء	city	IQ	Samarra
بعقوبة	city	IQ	Baqubah
الحلة	city	IQ	Hillah
الناصرية	city	IQ	Nasiriyah
العمارة	city	IQ	Amarah
الديوانية	city	IQ	Diwaniyah
الكوت	city	IQ	Kut
دهوك	city	IQ	Duhok
سنجار	city	IQ	Sinjar
تلعفر	city	IQ	Tal Afar
بيجي	city	IQ	Baiji
هيت	city	IQ	Hit
الأنبار	region	IQ	Anbar	الانبار
نينوى	region	IQ	Nineveh
صلاح الدين	region	IQ	Saladin
ديالى	region	IQ	Diyala
الزاوية	city	LY	Zawiya
زليتن	city	LY	Zliten
غريان	city	LY	Gharyan
البيضاء الليبية	city	LY	Bayda
أجدابيا	city	LY	Ajdabiya	اجدابيا
الكفرة	city	LY	Kufra
بنزرت	city	TN	Bizerte
قابس	city	TN	Gabes
قفصة	city	TN	Gafsa
نابل	city	TN	Nabeul
المنستير	city	TN	Monastir
القصرين	city	TN	Kasserine
سيدي بوزيد	city	TN	Sidi Bouzid
تيزي وزو	city	DZ	Tizi Ouzou
سطيف	city	DZ	Setif
باتنة	city	DZ	Batna
البليدة	city	DZ	Blida
بجاية	city	DZ	Bejaia
تلمسان	city	DZ	Tlemcen
ورقلة	city	DZ	Ouargla
غرداية	city	DZ	Ghardaia
مكناس	city	MA	Meknes
وجدة	city	MA	Oujda
تطوان	city	MA	Tetouan
القنيطرة المغربية	city	MA	Kenitra
العيون	city	EH	Laayoune
الداخلة	city	EH	Dakhla
نواذيبو	city	MR	Nouadhibou
كسلا	city	SD	Kassala
الفاشر	city	SD	El Fasher
نيالا	city	SD	Nyala
الأبيض	city	SD	El-Obeid
ود مدني	city	SD	Wad Madani
دارفور	region	SD	Darfur
هرجيسا	city	SO	Hargeisa
كيسمايو	city	SO	Kismayo
"""

# Names that are also everyday words ("الخبر" the news, "العين" the eye):
# marked so that entity finders ask for more context than a dateline does.
COMMON = set("""الخبر العين الباب حجة البيضاء هيت صور الشرقية الضاحية المنطقة الشرقية الجوف عسير
تربة حقل الوجه الرس الكوت الحلة العمارة الداخلة الأبيض مكة المملكة النصر قنا سرت إب""".split())


def main():
    ar = icu.Locale("ar")
    en = icu.Locale("en")
    print("# Gazetteer: countries, capitals and major cities (datelines, entities).")
    print("# GENERATED BY scripts/make_places.py; DO NOT EDIT (edit the script and rerun).")
    print("# Country names come from ICU's Arabic display names (python3-icu); variants and")
    print("# cities are listed in the script. Cities come first, so a name shared by a capital")
    print("# and its country (الكويت، تونس، الجزائر) and عمان (Amman, not Oman) read as the city.")
    print("# Columns: Arabic name <TAB> type (country|capital|city|region) <TAB> ISO 3166")
    print("#          alpha-2 <TAB> English name <TAB> variants (comma-separated, Arabic or English)")
    print("#          <TAB> common (1 when the name is also an everyday word: الخبر، العين، الباب)")
    seen = set()
    for line in CITIES.strip().splitlines():
        f = line.split("\t")
        if len(f) < 4 or (f[0], f[2]) in seen:
            continue
        seen.add((f[0], f[2]))
        while len(f) < 5:
            f.append("")
        common = "1" if f[0] in COMMON else ""
        print("\t".join(f[:5] + [common]))
    for code in COUNTRIES:
        loc = icu.Locale("", code)
        name = loc.getDisplayCountry(ar)
        eng = loc.getDisplayCountry(en)
        if name == code:
            continue
        variants = [v for v in VARIANTS.get(code, "").split(",") if v and v != name]
        print(f"{name}\tcountry\t{code}\t{eng}\t{','.join(variants)}\t")


if __name__ == "__main__":
    main()
