#!/usr/bin/env python3
"""Bootstrap the actor gazetteers chronik/lang/{de,en}/data/actors.tsv.

Country names come from pycountry (English names, German names via its gettext
catalogue) plus the curated table COUNTRIES below (short forms, adjectives,
demonyms). Capitals, IGOs, NGOs, armed groups and national organisations are
curated lists in this file, so one run rewrites both TSVs deterministically.

The committed TSVs are the source of truth: after a run, review the diff.

    .venv/bin/python scripts/build_actor_gazetteer.py          # write files
    .venv/bin/python scripts/build_actor_gazetteer.py --check  # diff only
"""
from __future__ import annotations

import gettext
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
HEADER = "# form\tkind\tcountry\tsector\tname\tflags"
KIND_ORDER = ["country", "adj", "capital", "igo", "ngo", "group", "org"]

# Canonical English names where pycountry's is not the usual news name.
NAME = {
    "BOL": "Bolivia", "BRN": "Brunei", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "FSM": "Micronesia", "IRN": "Iran",
    "KOR": "South Korea", "LAO": "Laos", "MDA": "Moldova", "PRK": "North Korea",
    "PSE": "Palestine", "RUS": "Russia", "SYR": "Syria", "TUR": "Turkey",
    "TWN": "Taiwan", "TZA": "Tanzania", "VEN": "Venezuela", "VNM": "Vietnam",
    "VAT": "Holy See", "FLK": "Falkland Islands", "VGB": "British Virgin Islands",
    "VIR": "US Virgin Islands", "SHN": "Saint Helena", "MAF": "Saint Martin",
    "SXM": "Sint Maarten", "CCK": "Cocos Islands", "XKX": "Kosovo",
}

# pycountry names that are wrong or misleading as surface forms.
SKIP_AUTO = {"taiwan, chinesische provinz", "taiwan, province of china",
             "weihnachtsinseln"}

# ISO3 | en names | en adjectives | en person nouns (plural incl.) |
# de names | de adjective stems | de person nouns (masc., fem.)
# Names from pycountry are added automatically; list here what it lacks.
# English adjectives ending in -an/-i get a plural noun "-s" automatically
# (unless the adjective ends in -ese); German nouns in -er get "-in".
COUNTRIES = """
ABW||aruban||||
AFG||afghan|||afghanisch|afghane;afghanin
AGO||angolan|||angolanisch|angolaner
AIA||anguillan||||
ALA|aland islands|||åland|ålandisch|
ALB||albanian|||albanisch|albaner
AND||andorran|||andorranisch|andorraner
ARE|uae|emirati||vae;arabische emirate|emiratisch|emirati
ARG||argentine;argentinian|||argentinisch|argentinier
ARM||armenian|||armenisch|armenier
ASM||american samoan|||amerikanisch-samoanisch|
ATA||||||
ATF||||||
ATG||antiguan|||antiguanisch|
AUS||australian|aussies||australisch|australier
AUT||austrian|||österreichisch|österreicher
AZE||azerbaijani;azeri|||aserbaidschanisch|aserbaidschaner;aseri
BDI||burundian|||burundisch|burundier
BEL||belgian|||belgisch|belgier
BEN||beninese|||beninisch|beniner
BES|caribbean netherlands;bonaire|||karibische niederlande;bonaire||
BFA||burkinabe;burkinabè|||burkinisch|burkiner
BGD||bangladeshi||bangladesch|bangladeschisch|bangladescher
BGR||bulgarian|||bulgarisch|bulgare;bulgarin
BHR||bahraini|||bahrainisch|bahrainer
BHS|bahamas;the bahamas|bahamian|||bahamaisch|bahamaer
BIH|bosnia|bosnian||bosnien|bosnisch;bosnisch-herzegowinisch|bosnier
BLM||||||
BLR|byelorussia;belorussia|belarusian;belarussian||weißrussland|belarussisch;weißrussisch|belarusse;belarussin;weißrusse;weißrussin
BLZ||belizean|||belizisch|belizer
BMU||bermudian|||bermudisch|
BOL|bolivia|bolivian||bolivien|bolivianisch|bolivianer
BRA||brazilian|||brasilianisch|brasilianer
BRB||barbadian|||barbadisch|barbadier
BRN|brunei|bruneian||brunei|bruneiisch|
BTN||bhutanese|||bhutanisch|bhutaner
BVT||||||
BWA||botswanan|batswana|botswana|botsuanisch;botswanisch|
CAF|car|central african||zentralafrika;zentralafrikanische republik|zentralafrikanisch|zentralafrikaner
CAN||canadian|||kanadisch|kanadier
CCK|cocos islands|||kokosinseln||
CHE|switzerland|swiss||schweiz;eidgenossenschaft|schweizerisch;eidgenössisch|schweizer
CHL||chilean|||chilenisch|chilene;chilenin
CHN|prc|chinese||volksrepublik|chinesisch|chinese;chinesin
CIV|ivory coast|ivorian||elfenbeinküste|ivorisch|ivorer
CMR||cameroonian|||kamerunisch|kameruner
COD|dr congo;drc;democratic republic of congo;democratic republic of the congo;congo-kinshasa;congo;zaire|congolese;zairean;zairian||dr kongo;demokratische republik kongo;kongo-kinshasa;kongo|kongolesisch|kongolese;kongolesin
COG|republic of the congo;republic of congo;congo-brazzaville|||republik kongo;kongo-brazzaville||
COK|cook islands|cook islander||cookinseln||
COL||colombian|||kolumbianisch|kolumbianer
COM|comoros|comoran;comorian||komoren|komorisch|komorer
CPV|cape verde|cape verdean||kap verde|kap-verdisch|kap-verdier
CRI||costa rican|||costa-ricanisch|costa-ricaner
CUB||cuban|||kubanisch|kubaner
CUW||||||
CXR|christmas island|||weihnachtsinsel||
CYM||caymanian||||
CYP||cypriot|cypriots||zyprisch|zyprer;zypriot;zypriotin
CZE|czech republic;czechoslovakia|czech;czechoslovak|czechs||tschechisch;tschechoslowakisch|tscheche;tschechin
DEU|west germany;east germany;gdr;frg|german;east german;west german||bundesrepublik;brd;ddr|deutsch|deutsche;deutscher
DJI||djiboutian|||dschibutisch|dschibutier
DMA||||||
DNK||danish|danes||dänisch|däne;dänin
DOM|dominican republic|||dominikanische republik|dominikanisch|
DZA||algerian|||algerisch|algerier
ECU||ecuadorian|||ecuadorianisch|ecuadorianer
EGY||egyptian|||ägyptisch|ägypter
ERI||eritrean|||eritreisch|eritreer
ESH|western sahara|sahrawi;sahrawian||westsahara|westsaharauisch;sahrauisch|sahraui
ESP||spanish|spaniards||spanisch|spanier
EST||estonian|||estnisch|este;estin
ETH||ethiopian|||äthiopisch|äthiopier
FIN||finnish|finns||finnisch|finne;finnin
FJI|fiji|fijian||fidschi|fidschianisch|fidschianer
FLK|falkland islands;falklands|falkland islander||falklandinseln;falklands;malwinen||
FRA||french|frenchman;frenchmen;frenchwoman||französisch|franzose;französin
FRO|faroe islands;faroes|faroese||färöer|färöisch|färinger
FSM|micronesia|micronesian||mikronesien|mikronesisch|mikronesier
GAB||gabonese|||gabunisch|gabuner
GBR|uk;u.k.;the uk;britain;great britain|british|britons;brits|großbritannien;britannien|britisch|brite;britin
GEO||georgian|||georgisch|georgier
GGY||||||
GHA||ghanaian|||ghanaisch|ghanaer
GIB||gibraltarian||||
GIN||guinean|||guineisch|guineer
GLP||||||
GMB|the gambia|gambian|||gambisch|gambier
GNB||bissau-guinean|||guinea-bissauisch|
GNQ||equatoguinean;equatorial guinean|||äquatorialguineisch|äquatorialguineer
GRC||greek|greeks||griechisch|grieche;griechin
GRD||grenadian|||grenadisch|grenader
GRL||greenlandic|greenlanders||grönländisch|grönländer
GTM||guatemalan|||guatemaltekisch|guatemalteke;guatemaltekin
GUF||||||
GUM||||||
GUY||guyanese|||guyanisch|guyaner
HKG||||hongkong|hongkonger|hongkonger
HMD||||||
HND||honduran|||honduranisch|honduraner
HRV||croatian|croats||kroatisch|kroate;kroatin
HTI||haitian|||haitianisch|haitianer
HUN||hungarian|||ungarisch|ungar;ungarin
IDN||indonesian|||indonesisch|indonesier
IMN||manx||||
IND||indian|||indisch|inder
IOT||||||
IRL|republic of ireland|irish|irishman;irishmen|republik irland|irisch|ire;irin
IRN|iran;islamic republic|iranian||iran;islamische republik|iranisch|iraner
IRQ||iraqi|||irakisch|iraker
ISL||icelandic|icelanders||isländisch|isländer
ISR||israeli|||israelisch|israeli;israelin
ITA||italian|||italienisch|italiener
JAM||jamaican|||jamaikanisch|jamaikaner
JEY||||||
JOR||jordanian|||jordanisch|jordanier
JPN||japanese|||japanisch|japaner
KAZ||kazakh;kazakhstani|kazakhs||kasachisch|kasache;kasachin
KEN||kenyan|||kenianisch|kenianer
KGZ|kyrgyz republic|kyrgyz;kyrgyzstani||kirgistan|kirgisisch|kirgise;kirgisin
KHM|kampuchea|cambodian;kampuchean||kampuchea|kambodschanisch|kambodschaner
KIR||i-kiribati||||
KNA|st kitts and nevis;st. kitts and nevis|kittitian||||
KOR|south korea;republic of korea|south korean||südkorea;republik korea|südkoreanisch|südkoreaner
KWT||kuwaiti|||kuwaitisch|kuwaiter
LAO|laos|lao;laotian||laos|laotisch|laote;laotin
LBN||lebanese|||libanesisch|libanese;libanesin
LBR||liberian|||liberianisch|liberianer
LBY||libyan|||libysch|libyer
LCA|st lucia;st. lucia|saint lucian||||
LIE|||liechtensteiners||liechtensteinisch|liechtensteiner
LKA|ceylon|sri lankan|||sri-lankisch|sri-lanker
LSO||basotho;lesothan|||lesothisch|
LTU||lithuanian|||litauisch|litauer
LUX||luxembourgish|luxembourgers||luxemburgisch|luxemburger
LVA||latvian|||lettisch|lette;lettin
MAC|macau|macanese||macau||
MAF|saint martin;saint-martin|||saint-martin||
MAR||moroccan|||marokkanisch|marokkaner
MCO||monegasque|||monegassisch|monegasse;monegassin
MDA|moldova;republic of moldova|moldovan||moldau;moldawien;republik moldau|moldauisch;moldawisch|moldauer;moldawier
MDG||malagasy|||madagassisch|madagasse;madagassin
MDV||maldivian|||maledivisch|malediver
MEX||mexican|||mexikanisch|mexikaner
MHL||marshallese|||marshallisch|marshaller
MKD|macedonia|macedonian;north macedonian||mazedonien;nordmazedonien|nordmazedonisch;mazedonisch|nordmazedonier;mazedonier
MLI||malian|||malisch|malier
MLT||maltese|||maltesisch|
MMR|burma|burmese||birma;burma|myanmarisch;birmanisch|
MNE||montenegrin|||montenegrinisch|montenegriner
MNG||mongolian|||mongolisch|mongole;mongolin
MNP||||||
MOZ||mozambican|||mosambikanisch|mosambikaner
MRT||mauritanian|||mauretanisch|mauretanier
MSR||||||
MTQ||||||
MUS||mauritian|||mauritisch|mauritier
MWI||malawian|||malawisch|malawier
MYS||malaysian|||malaysisch|malaysier
MYT||||||
NAM||namibian|||namibisch|namibier
NCL||new caledonian|||neukaledonisch|
NER||nigerien|||nigrisch|nigrer
NFK||||||
NGA||nigerian|||nigerianisch|nigerianer
NIC||nicaraguan|||nicaraguanisch|nicaraguaner
NIU||niuean||||
NLD|holland;the netherlands|dutch|dutchman;dutchmen||niederländisch;holländisch|niederländer;holländer
NOR||norwegian|||norwegisch|norweger
NPL||nepali;nepalese|||nepalesisch|nepalese;nepalesin
NRU||nauruan|||nauruisch|nauruer
NZL|||new zealanders||neuseeländisch|neuseeländer
OMN||omani|||omanisch|omaner
PAK||pakistani|||pakistanisch|pakistaner;pakistani
PAN||panamanian|||panamaisch|panamaer
PCN|pitcairn islands|||pitcairninseln||
PER||peruvian|||peruanisch|peruaner
PHL|the philippines|philippine;filipino|filipinos||philippinisch|philippiner
PLW||palauan|||palauisch|palauer
PNG||papua new guinean|||papua-neuguineisch|
POL||polish||polen|polnisch|pole;polin
PRI||puerto rican|||puerto-ricanisch|puerto-ricaner
PRK|north korea;dprk|north korean||nordkorea|nordkoreanisch|nordkoreaner
PRT||portuguese|||portugiesisch|portugiese;portugiesin
PRY||paraguayan|||paraguayisch|paraguayer
PSE|palestine;state of palestine;palestinian territories|palestinian||palästina;staat palästina;palästinensergebiete;palästinensische gebiete|palästinensisch|palästinenser
PYF||french polynesian|||französisch-polynesisch|
QAT||qatari|||katarisch|katarer;katari
REU||||||
ROU||romanian|||rumänisch|rumäne;rumänin
RUS|russia;soviet union;ussr|russian;soviet||russland;sowjetunion;udssr|russisch;sowjetisch|russe;russin
RWA||rwandan|||ruandisch|ruander
SAU||saudi;saudi arabian|||saudisch;saudi-arabisch|saudi;saudi-araber
SDN||sudanese|||sudanesisch|sudanese;sudanesin
SEN||senegalese|||senegalesisch|senegalese;senegalesin
SGP||singaporean|||singapurisch|singapurer
SGS||||||
SHN|saint helena;st helena|||st. helena||
SJM||||||
SLB||solomon islander|||salomonisch|salomoner
SLE||sierra leonean|||sierra-leonisch|sierra-leoner
SLV||salvadoran;salvadorean|||salvadorianisch|salvadorianer
SMR||sammarinese|||san-marinesisch|san-marinese
SOM||somali;somalian|||somalisch|somalier;somali
SPM||||||
SRB|yugoslavia|serbian;serb;yugoslav|serbs;yugoslavs||serbisch;jugoslawisch|serbe;serbin
SSD||south sudanese|||südsudanesisch|südsudanese;südsudanesin
STP|são tomé and príncipe;sao tome|santomean||sao tome und principe||
SUR||surinamese|||surinamisch|surinamer
SVK||slovak;slovakian|slovaks||slowakisch|slowake;slowakin
SVN||slovenian;slovene|slovenes||slowenisch|slowene;slowenin
SWE||swedish|swedes||schwedisch|schwede;schwedin
SWZ|swaziland|swazi||swasiland|swasiländisch|swasi
SXM|sint maarten|||sint maarten||
SYC||seychellois|||seychellisch|seycheller
SYR|syria|syrian||syrien|syrisch|syrer
TCA||||||
TCD||chadian|||tschadisch|tschader
TGO||togolese|||togoisch|togoer
THA||thai|||thailändisch|thailänder
TJK||tajik;tajikistani|tajiks||tadschikisch|tadschike;tadschikin
TKL||||||
TKM||turkmen|turkmens||turkmenisch|turkmene;turkmenin
TLS|east timor|timorese;east timorese||osttimor|osttimoresisch|osttimorese
TON||tongan|||tongaisch|tongaer
TTO||trinidadian;tobagonian|||trinidadisch|
TUN||tunisian|||tunesisch|tunesier
TUR|turkey|turkish|turks|türkiye|türkisch|türke;türkin
TUV||tuvaluan|||tuvaluisch|
TWN|taiwan;republic of china|taiwanese||taiwan;republik china|taiwanisch|taiwaner
TZA|tanzania|tanzanian||tansania|tansanisch|tansanier
UGA||ugandan|||ugandisch|ugander
UKR||ukrainian|||ukrainisch|ukrainer
UMI||||||
URY||uruguayan|||uruguayisch|uruguayer
USA|us;u.s.;usa;u.s.a.;america;united states|american||usa;amerika;vereinigte staaten|us-amerikanisch;amerikanisch|amerikaner;us-amerikaner
UZB||uzbek;uzbekistani|uzbeks||usbekisch|usbeke;usbekin
VAT|vatican;vatican city|||vatikan;heiliger stuhl;vatikanstadt|vatikanisch|
VCT|st vincent and the grenadines;st. vincent and the grenadines|vincentian||||
VEN|venezuela|venezuelan||venezuela|venezolanisch|venezolaner
VGB|british virgin islands|||britische jungferninseln||
VIR|us virgin islands|||amerikanische jungferninseln||
VNM|vietnam|vietnamese||vietnam|vietnamesisch|vietnamese;vietnamesin
VUT||ni-vanuatu|||vanuatuisch|
WLF||||||
WSM||samoan|||samoanisch|samoaner
XKX|kosovo;republic of kosovo|kosovar;kosovan|kosovars|kosovo;republik kosovo|kosovarisch|kosovare;kosovarin
YEM||yemeni|||jemenitisch|jemenit;jemenitin
ZAF||south african|||südafrikanisch|südafrikaner
ZMB||zambian|||sambisch|sambier
ZWE|rhodesia|zimbabwean;rhodesian|||simbabwisch|simbabwer
"""

# Curated rows: lang (de, en, or * for both) | form | kind | country | sector | name | flags
# Capitals and seats name the government (country name as canonical name).
CURATED = """
# --- extra country forms with flags
de|us|country|USA|GOV||cs,prefix
en|us|country|USA|GOV||cs,prefix
en|u.s.|country|USA|GOV||prefix
de|usa|country|USA|GOV||prefix
en|usa|country|USA|GOV||prefix
en|uk|country|GBR|GOV||prefix
de|uk|country|GBR|GOV||cs
en|drc|country|COD|GOV||cs
en|car|country|CAF|GOV||cs
en|prc|country|CHN|GOV||cs
en|dprk|country|PRK|GOV||
de|brd|country|DEU|GOV||cs
de|vae|country|ARE|GOV||cs
en|uae|country|ARE|GOV||
# --- capitals (both languages where the spelling is shared)
*|abuja|capital|NGA|GOV||
*|abu dhabi|capital|ARE|GOV||
de|addis abeba|capital|ETH|GOV||
en|addis ababa|capital|ETH|GOV||
de|algier|capital|DZA|GOV||
en|algiers|capital|DZA|GOV||
*|amman|capital|JOR|GOV||
*|ankara|capital|TUR|GOV||
*|asmara|capital|ERI|GOV||
*|astana|capital|KAZ|GOV||
de|athen|capital|GRC|GOV||
en|athens|capital|GRC|GOV||
de|bagdad|capital|IRQ|GOV||
en|baghdad|capital|IRQ|GOV||
*|baku|capital|AZE|GOV||
*|bamako|capital|MLI|GOV||
*|bangkok|capital|THA|GOV||
*|bangui|capital|CAF|GOV||
de|belgrad|capital|SRB|GOV||
en|belgrade|capital|SRB|GOV||
*|berlin|capital|DEU|GOV||
*|bern|capital|CHE|GOV||
en|berne|capital|CHE|GOV||
de|bischkek|capital|KGZ|GOV||
en|bishkek|capital|KGZ|GOV||
*|bogotá|capital|COL|GOV||
*|bogota|capital|COL|GOV||
*|brasília|capital|BRA|GOV||
*|brasilia|capital|BRA|GOV||
*|bratislava|capital|SVK|GOV||
*|brazzaville|capital|COG|GOV||
de|bukarest|capital|ROU|GOV||
en|bucharest|capital|ROU|GOV||
*|budapest|capital|HUN|GOV||
*|buenos aires|capital|ARG|GOV||
de|kairo|capital|EGY|GOV||
en|cairo|capital|EGY|GOV||
*|canberra|capital|AUS|GOV||
*|caracas|capital|VEN|GOV||
de|chisinau|capital|MDA|GOV||
de|kischinau|capital|MDA|GOV||
en|chisinau|capital|MDA|GOV||
en|chişinău|capital|MDA|GOV||
de|chișinău|capital|MDA|GOV||
en|chișinău|capital|MDA|GOV||
*|colombo|capital|LKA|GOV||
de|kopenhagen|capital|DNK|GOV||
en|copenhagen|capital|DNK|GOV||
*|dakar|capital|SEN|GOV||
de|damaskus|capital|SYR|GOV||
en|damascus|capital|SYR|GOV||
de|dhaka|capital|BGD|GOV||
en|dhaka|capital|BGD|GOV||
*|doha|capital|QAT|GOV||
*|dublin|capital|IRL|GOV||
de|duschanbe|capital|TJK|GOV||
en|dushanbe|capital|TJK|GOV||
de|eriwan|capital|ARM|GOV||
de|jerewan|capital|ARM|GOV||
en|yerevan|capital|ARM|GOV||
*|hanoi|capital|VNM|GOV||
*|harare|capital|ZWE|GOV||
de|havanna|capital|CUB|GOV||
en|havana|capital|CUB|GOV||
*|helsinki|capital|FIN|GOV||
*|islamabad|capital|PAK|GOV||
*|jakarta|capital|IDN|GOV||
*|jerusalem|capital|ISR|GOV||
*|juba|capital|SSD|GOV||
*|kabul|capital|AFG|GOV||
*|kampala|capital|UGA|GOV||
*|kathmandu|capital|NPL|GOV||
de|khartum|capital|SDN|GOV||
en|khartoum|capital|SDN|GOV||
de|kiew|capital|UKR|GOV||
de|kyjiw|capital|UKR|GOV||
en|kyiv|capital|UKR|GOV||
en|kiev|capital|UKR|GOV||
*|kigali|capital|RWA|GOV||
*|kinshasa|capital|COD|GOV||
*|kuala lumpur|capital|MYS|GOV||
de|lissabon|capital|PRT|GOV||
en|lisbon|capital|PRT|GOV||
*|london|capital|GBR|GOV||
*|luanda|capital|AGO|GOV||
*|lusaka|capital|ZMB|GOV||
*|madrid|capital|ESP|GOV||
*|managua|capital|NIC|GOV||
*|manila|capital|PHL|GOV||
*|maputo|capital|MOZ|GOV||
de|mexiko-stadt|capital|MEX|GOV||
en|mexico city|capital|MEX|GOV||
*|minsk|capital|BLR|GOV||
de|mogadischu|capital|SOM|GOV||
en|mogadishu|capital|SOM|GOV||
*|monrovia|capital|LBR|GOV||
de|moskau|capital|RUS|GOV||
en|moscow|capital|RUS|GOV||
*|nairobi|capital|KEN|GOV||
de|naypyidaw|capital|MMR|GOV||
de|naypyitaw|capital|MMR|GOV||
en|naypyidaw|capital|MMR|GOV||
en|naypyitaw|capital|MMR|GOV||
en|nay pyi taw|capital|MMR|GOV||
de|neu-delhi|capital|IND|GOV||
de|delhi|capital|IND|GOV||
en|new delhi|capital|IND|GOV||
en|delhi|capital|IND|GOV||
*|niamey|capital|NER|GOV||
de|n'djamena|capital|TCD|GOV||
de|ndschamena|capital|TCD|GOV||
en|n'djamena|capital|TCD|GOV||
*|nouakchott|capital|MRT|GOV||
*|oslo|capital|NOR|GOV||
*|ottawa|capital|CAN|GOV||
*|ouagadougou|capital|BFA|GOV||
*|paris|capital|FRA|GOV||
de|peking|capital|CHN|GOV||
en|beijing|capital|CHN|GOV||
de|phnom penh|capital|KHM|GOV||
en|phnom penh|capital|KHM|GOV||
de|prag|capital|CZE|GOV||
en|prague|capital|CZE|GOV||
*|pretoria|capital|ZAF|GOV||
*|pristina|capital|XKX|GOV||
*|priština|capital|XKX|GOV||
de|pjöngjang|capital|PRK|GOV||
en|pyongyang|capital|PRK|GOV||
*|quito|capital|ECU|GOV||
*|rabat|capital|MAR|GOV||
*|ramallah|capital|PSE|GOV||
*|riga|capital|LVA|GOV||
de|riad|capital|SAU|GOV||
en|riyadh|capital|SAU|GOV||
de|rom|capital|ITA|GOV||
en|rome|capital|ITA|GOV||
*|santiago de chile|capital|CHL|GOV||
*|seoul|capital|KOR|GOV||
*|stockholm|capital|SWE|GOV||
de|taipeh|capital|TWN|GOV||
en|taipei|capital|TWN|GOV||
*|tallinn|capital|EST|GOV||
de|taschkent|capital|UZB|GOV||
en|tashkent|capital|UZB|GOV||
de|tiflis|capital|GEO|GOV||
*|tbilisi|capital|GEO|GOV||
de|teheran|capital|IRN|GOV||
en|tehran|capital|IRN|GOV||
de|tokio|capital|JPN|GOV||
en|tokyo|capital|JPN|GOV||
de|tripolis|capital|LBY|GOV||
en|tripoli|capital|LBY|GOV||
*|tunis|capital|TUN|GOV||
de|warschau|capital|POL|GOV||
en|warsaw|capital|POL|GOV||
*|washington|capital|USA|GOV||
de|wien|capital|AUT|GOV||
en|vienna|capital|AUT|GOV||
*|vilnius|capital|LTU|GOV||
*|wellington|capital|NZL|GOV||
*|yaoundé|capital|CMR|GOV||
de|jaunde|capital|CMR|GOV||
*|zagreb|capital|HRV|GOV||
*|ljubljana|capital|SVN|GOV||
de|sarajevo|capital|BIH|GOV||
en|sarajevo|capital|BIH|GOV||
de|skopje|capital|MKD|GOV||
en|skopje|capital|MKD|GOV||
*|tirana|capital|ALB|GOV||
*|podgorica|capital|MNE|GOV||
*|beirut|capital|LBN|GOV||
de|maskat|capital|OMN|GOV||
en|muscat|capital|OMN|GOV||
*|manama|capital|BHR|GOV||
de|ulan bator|capital|MNG|GOV||
en|ulaanbaatar|capital|MNG|GOV||
de|aschgabat|capital|TKM|GOV||
en|ashgabat|capital|TKM|GOV||
*|lima|capital|PER|GOV||
*|montevideo|capital|URY|GOV||
*|asunción|capital|PRY|GOV||
*|asuncion|capital|PRY|GOV||
*|tegucigalpa|capital|HND|GOV||
*|port-au-prince|capital|HTI|GOV||
*|accra|capital|GHA|GOV||
*|conakry|capital|GIN|GOV||
*|freetown|capital|SLE|GOV||
*|libreville|capital|GAB|GOV||
*|malabo|capital|GNQ|GOV||
*|windhoek|capital|NAM|GOV||
*|gaborone|capital|BWA|GOV||
*|lilongwe|capital|MWI|GOV||
*|antananarivo|capital|MDG|GOV||
*|vientiane|capital|LAO|GOV||
# --- seats of government used for the government
de|kreml|capital|RUS|GOV||
en|kremlin|capital|RUS|GOV||
en|the kremlin|capital|RUS|GOV||
de|weißes haus|capital|USA|GOV||
en|white house|capital|USA|GOV||
*|pentagon|capital|USA|MIL|Pentagon|
en|capitol hill|capital|USA|LEG|US Congress|
*|downing street|capital|GBR|GOV||
*|whitehall|capital|GBR|GOV||
*|élysée|capital|FRA|GOV||
*|elysée|capital|FRA|GOV||
*|elysee|capital|FRA|GOV||
de|élysée-palast|capital|FRA|GOV||
de|elysée-palast|capital|FRA|GOV||
de|elysee-palast|capital|FRA|GOV||
en|elysee palace|capital|FRA|GOV||
en|élysée palace|capital|FRA|GOV||
de|kanzleramt|capital|DEU|GOV||
de|bundeskanzleramt|capital|DEU|GOV||
*|quai d'orsay|capital|FRA|GOV||
*|zhongnanhai|capital|CHN|GOV||
en|state department|org|USA|GOV|US Department of State|
"""

CURATED += """
# --- intergovernmental organisations and their bodies
de|vereinte nationen|igo|IGO||United Nations|
en|united nations|igo|IGO||United Nations|
de|uno|igo|IGO||United Nations|prefix
*|un|igo|IGO||United Nations|cs,prefix
en|u.n.|igo|IGO||United Nations|prefix
de|un-sicherheitsrat|igo|IGO||UN Security Council|
de|uno-sicherheitsrat|igo|IGO||UN Security Council|
de|weltsicherheitsrat|igo|IGO||UN Security Council|
de|sicherheitsrat|igo|IGO||UN Security Council|
en|un security council|igo|IGO||UN Security Council|
en|u.n. security council|igo|IGO||UN Security Council|
en|security council|igo|IGO||UN Security Council|
en|unsc|igo|IGO||UN Security Council|
de|un-generalversammlung|igo|IGO||UN General Assembly|
de|uno-generalversammlung|igo|IGO||UN General Assembly|
de|un-vollversammlung|igo|IGO||UN General Assembly|
de|uno-vollversammlung|igo|IGO||UN General Assembly|
de|generalversammlung der vereinten nationen|igo|IGO||UN General Assembly|
en|un general assembly|igo|IGO||UN General Assembly|
en|u.n. general assembly|igo|IGO||UN General Assembly|
en|unga|igo|IGO||UN General Assembly|
de|un-generalsekretär|igo|IGO||UN Secretary-General|
de|uno-generalsekretär|igo|IGO||UN Secretary-General|
en|un secretary-general|igo|IGO||UN Secretary-General|
en|un secretary general|igo|IGO||UN Secretary-General|
en|u.n. secretary-general|igo|IGO||UN Secretary-General|
de|un-menschenrechtsrat|igo|IGO||UN Human Rights Council|
de|uno-menschenrechtsrat|igo|IGO||UN Human Rights Council|
de|menschenrechtsrat|igo|IGO||UN Human Rights Council|
en|un human rights council|igo|IGO||UN Human Rights Council|
en|human rights council|igo|IGO||UN Human Rights Council|
en|unhrc|igo|IGO||UN Human Rights Council|
de|un-menschenrechtsbüro|igo|IGO||UN Human Rights Office|
de|uno-menschenrechtsbüro|igo|IGO||UN Human Rights Office|
de|un-hochkommissariat für menschenrechte|igo|IGO||UN Human Rights Office|
de|un-menschenrechtskommissar|igo|IGO||UN Human Rights Office|
de|uno-menschenrechtskommissar|igo|IGO||UN Human Rights Office|
en|un human rights office|igo|IGO||UN Human Rights Office|
en|ohchr|igo|IGO||UN Human Rights Office|
*|unhcr|igo|IGO||UNHCR|prefix
de|un-flüchtlingshilfswerk|igo|IGO||UNHCR|
de|uno-flüchtlingshilfswerk|igo|IGO||UNHCR|
de|un-flüchtlingskommissariat|igo|IGO||UNHCR|
en|un refugee agency|igo|IGO||UNHCR|
en|u.n. refugee agency|igo|IGO||UNHCR|
*|unicef|igo|IGO||UNICEF|prefix
de|un-kinderhilfswerk|igo|IGO||UNICEF|
de|uno-kinderhilfswerk|igo|IGO||UNICEF|
en|un children's agency|igo|IGO||UNICEF|
*|unrwa|igo|IGO||UNRWA|prefix
de|palästinenserhilfswerk|igo|IGO||UNRWA|
de|un-palästinenserhilfswerk|igo|IGO||UNRWA|
de|uno-palästinenserhilfswerk|igo|IGO||UNRWA|
*|wfp|igo|IGO||World Food Programme|prefix
de|welternährungsprogramm|igo|IGO||World Food Programme|
de|un-welternährungsprogramm|igo|IGO||World Food Programme|
de|uno-welternährungsprogramm|igo|IGO||World Food Programme|
en|world food programme|igo|IGO||World Food Programme|
en|world food program|igo|IGO||World Food Programme|
*|who|igo|IGO||World Health Organization|cs,prefix
de|weltgesundheitsorganisation|igo|IGO||World Health Organization|
en|world health organization|igo|IGO||World Health Organization|
en|world health organisation|igo|IGO||World Health Organization|
*|ocha|igo|IGO||UN OCHA|prefix
de|un-nothilfebüro|igo|IGO||UN OCHA|
de|uno-nothilfebüro|igo|IGO||UN OCHA|
en|un humanitarian office|igo|IGO||UN OCHA|
*|undp|igo|IGO||UNDP|
de|un-entwicklungsprogramm|igo|IGO||UNDP|
en|un development programme|igo|IGO||UNDP|
*|unesco|igo|IGO||UNESCO|prefix
*|iom|igo|IGO||International Organization for Migration|
de|internationale organisation für migration|igo|IGO||International Organization for Migration|
en|international organization for migration|igo|IGO||International Organization for Migration|
*|fao|igo|IGO||Food and Agriculture Organization|
de|welternährungsorganisation|igo|IGO||Food and Agriculture Organization|
en|food and agriculture organization|igo|IGO||Food and Agriculture Organization|
*|unmiss|igo|IGO||UNMISS|prefix
*|unifil|igo|IGO||UNIFIL|prefix
*|monusco|igo|IGO||MONUSCO|prefix
*|minusma|igo|IGO||MINUSMA|prefix
*|minusca|igo|IGO||MINUSCA|prefix
*|unama|igo|IGO||UNAMA|prefix
*|unamid|igo|IGO||UNAMID|prefix
*|kfor|igo|IGO||KFOR|prefix
*|eulex|igo|IGO||EULEX|prefix
*|iaea|igo|IGO||IAEA|prefix
de|iaeo|igo|IGO||IAEA|prefix
de|internationale atomenergiebehörde|igo|IGO||IAEA|
de|internationale atomenergie-organisation|igo|IGO||IAEA|
de|atomenergiebehörde|igo|IGO||IAEA|
de|un-atomenergiebehörde|igo|IGO||IAEA|
de|uno-atomenergiebehörde|igo|IGO||IAEA|
en|international atomic energy agency|igo|IGO||IAEA|
en|un nuclear watchdog|igo|IGO||IAEA|
en|u.n. nuclear watchdog|igo|IGO||IAEA|
*|opcw|igo|IGO||OPCW|prefix
de|ovcw|igo|IGO||OPCW|prefix
de|organisation für das verbot chemischer waffen|igo|IGO||OPCW|
en|organisation for the prohibition of chemical weapons|igo|IGO||OPCW|
en|organization for the prohibition of chemical weapons|igo|IGO||OPCW|
de|europäische union|igo|IGO||European Union|
en|european union|igo|IGO||European Union|
en|european community|igo|IGO||European Community|
en|northern ireland|capital|GBR|GOV|United Kingdom|
de|nordirland|capital|GBR|GOV|United Kingdom|
en|ec|igo|IGO||European Community|cs
de|europäische gemeinschaft|igo|IGO||European Community|
de|eg|igo|IGO||European Community|cs
*|eu|igo|IGO||European Union|cs,prefix
en|e.u.|igo|IGO||European Union|prefix
de|brüssel|igo|IGO||European Union|
en|brussels|igo|IGO||European Union|
de|eu-kommission|igo|IGO||European Commission|
de|europäische kommission|igo|IGO||European Commission|
de|brüsseler kommission|igo|IGO||European Commission|
en|european commission|igo|IGO||European Commission|
en|eu commission|igo|IGO||European Commission|
de|europäisches parlament|igo|IGO||European Parliament|
de|eu-parlament|igo|IGO||European Parliament|
de|europaparlament|igo|IGO||European Parliament|
en|european parliament|igo|IGO||European Parliament|
en|eu parliament|igo|IGO||European Parliament|
de|europäischer rat|igo|IGO||European Council|
en|european council|igo|IGO||European Council|
de|rat der europäischen union|igo|IGO||Council of the European Union|
de|rat der eu|igo|IGO||Council of the European Union|
en|council of the european union|igo|IGO||Council of the European Union|
de|europarat|igo|IGO||Council of Europe|
en|council of europe|igo|IGO||Council of Europe|
de|europäische zentralbank|igo|IGO||European Central Bank|
de|ezb|igo|IGO||European Central Bank|
en|european central bank|igo|IGO||European Central Bank|
en|ecb|igo|IGO||European Central Bank|
de|europäischer gerichtshof für menschenrechte|igo|IGO||European Court of Human Rights|
de|egmr|igo|IGO||European Court of Human Rights|
en|european court of human rights|igo|IGO||European Court of Human Rights|
en|echr|igo|IGO||European Court of Human Rights|
de|europäischer gerichtshof|igo|IGO||European Court of Justice|
de|eugh|igo|IGO||European Court of Justice|
en|european court of justice|igo|IGO||European Court of Justice|
en|ecj|igo|IGO||European Court of Justice|
*|frontex|igo|IGO||Frontex|prefix
*|europol|igo|IGO||Europol|prefix
*|nato|igo|IGO||NATO|prefix
de|nordatlantikpakt|igo|IGO||NATO|
en|north atlantic treaty organization|igo|IGO||NATO|
en|north atlantic treaty organisation|igo|IGO||NATO|
de|osze|igo|IGO||OSCE|prefix
de|organisation für sicherheit und zusammenarbeit in europa|igo|IGO||OSCE|
en|osce|igo|IGO||OSCE|prefix
en|organization for security and co-operation in europe|igo|IGO||OSCE|
en|organization for security and cooperation in europe|igo|IGO||OSCE|
de|afrikanische union|igo|IGO||African Union|
en|african union|igo|IGO||African Union|
*|au|igo|IGO||African Union|cs,prefix
*|ecowas|igo|IGO||ECOWAS|prefix
de|westafrikanische wirtschaftsgemeinschaft|igo|IGO||ECOWAS|
en|economic community of west african states|igo|IGO||ECOWAS|
*|igad|igo|IGO||IGAD|prefix
*|sadc|igo|IGO||SADC|prefix
de|arabische liga|igo|IGO||Arab League|
en|arab league|igo|IGO||Arab League|
en|league of arab states|igo|IGO||Arab League|
*|asean|igo|IGO||ASEAN|prefix
de|verband südostasiatischer nationen|igo|IGO||ASEAN|
en|association of southeast asian nations|igo|IGO||ASEAN|
*|g7|igo|IGO||G7|prefix
*|g-7|igo|IGO||G7|prefix
*|g8|igo|IGO||G8|prefix
*|g-8|igo|IGO||G8|prefix
*|g20|igo|IGO||G20|prefix
*|g-20|igo|IGO||G20|prefix
de|g7-staaten|igo|IGO||G7|
de|g20-staaten|igo|IGO||G20|
*|brics|igo|IGO||BRICS|prefix
de|iwf|igo|IGO||International Monetary Fund|prefix
de|internationaler währungsfonds|igo|IGO||International Monetary Fund|
de|währungsfonds|igo|IGO||International Monetary Fund|
*|imf|igo|IGO||International Monetary Fund|prefix
en|international monetary fund|igo|IGO||International Monetary Fund|
de|weltbank|igo|IGO||World Bank|
en|world bank|igo|IGO||World Bank|
*|wto|igo|IGO||World Trade Organization|prefix
de|welthandelsorganisation|igo|IGO||World Trade Organization|
en|world trade organization|igo|IGO||World Trade Organization|
*|icc|igo|IGO||International Criminal Court|
de|istgh|igo|IGO||International Criminal Court|
de|internationaler strafgerichtshof|igo|IGO||International Criminal Court|
de|weltstrafgericht|igo|IGO||International Criminal Court|
en|international criminal court|igo|IGO||International Criminal Court|
de|igh|igo|IGO||International Court of Justice|
de|internationaler gerichtshof|igo|IGO||International Court of Justice|
*|icj|igo|IGO||International Court of Justice|
en|international court of justice|igo|IGO||International Court of Justice|
en|world court|igo|IGO||International Court of Justice|
*|interpol|igo|IGO||Interpol|
*|opec|igo|IGO||OPEC|prefix
*|oic|igo|IGO||Organisation of Islamic Cooperation|
de|organisation für islamische zusammenarbeit|igo|IGO||Organisation of Islamic Cooperation|
de|organisation der islamischen zusammenarbeit|igo|IGO||Organisation of Islamic Cooperation|
en|organisation of islamic cooperation|igo|IGO||Organisation of Islamic Cooperation|
en|organization of islamic cooperation|igo|IGO||Organisation of Islamic Cooperation|
de|golf-kooperationsrat|igo|IGO||Gulf Cooperation Council|
de|golfkooperationsrat|igo|IGO||Gulf Cooperation Council|
*|gcc|igo|IGO||Gulf Cooperation Council|
en|gulf cooperation council|igo|IGO||Gulf Cooperation Council|
en|sco|igo|IGO||Shanghai Cooperation Organisation|cs
de|soz|igo|IGO||Shanghai Cooperation Organisation|cs
de|shanghaier organisation für zusammenarbeit|igo|IGO||Shanghai Cooperation Organisation|
de|shanghai-organisation für zusammenarbeit|igo|IGO||Shanghai Cooperation Organisation|
en|shanghai cooperation organisation|igo|IGO||Shanghai Cooperation Organisation|
en|shanghai cooperation organization|igo|IGO||Shanghai Cooperation Organisation|
de|ovks|igo|IGO||Collective Security Treaty Organization|
de|organisation des vertrags über kollektive sicherheit|igo|IGO||Collective Security Treaty Organization|
*|csto|igo|IGO||Collective Security Treaty Organization|
en|collective security treaty organization|igo|IGO||Collective Security Treaty Organization|
*|mercosur|igo|IGO||Mercosur|prefix
*|oas|igo|IGO||Organization of American States|cs
de|organisation amerikanischer staaten|igo|IGO||Organization of American States|
en|organization of american states|igo|IGO||Organization of American States|
# --- international NGOs
de|internationales komitee vom roten kreuz|ngo|NGO||International Committee of the Red Cross|
*|ikrk|ngo|NGO||International Committee of the Red Cross|prefix
*|icrc|ngo|NGO||International Committee of the Red Cross|prefix
en|international committee of the red cross|ngo|NGO||International Committee of the Red Cross|
de|rotes kreuz|ngo|NGO||Red Cross|
de|roter halbmond|ngo|NGO||Red Crescent|
en|red cross|ngo|NGO||Red Cross|
en|red crescent|ngo|NGO||Red Crescent|
*|amnesty international|ngo|NGO||Amnesty International|
de|amnesty|ngo|NGO||Amnesty International|
*|human rights watch|ngo|NGO||Human Rights Watch|
*|hrw|ngo|NGO||Human Rights Watch|
de|ärzte ohne grenzen|ngo|NGO||Doctors Without Borders|
*|msf|ngo|NGO||Doctors Without Borders|
*|médecins sans frontières|ngo|NGO||Doctors Without Borders|
*|medecins sans frontieres|ngo|NGO||Doctors Without Borders|
en|doctors without borders|ngo|NGO||Doctors Without Borders|
de|reporter ohne grenzen|ngo|NGO||Reporters Without Borders|
en|reporters without borders|ngo|NGO||Reporters Without Borders|
*|reporters sans frontières|ngo|NGO||Reporters Without Borders|
*|greenpeace|ngo|NGO||Greenpeace|
*|oxfam|ngo|NGO||Oxfam|
*|save the children|ngo|NGO||Save the Children|
*|caritas|ngo|NGO||Caritas|
*|transparency international|ngo|NGO||Transparency International|
de|norwegischer flüchtlingsrat|ngo|NGO||Norwegian Refugee Council|
en|norwegian refugee council|ngo|NGO||Norwegian Refugee Council|
*|international rescue committee|ngo|NGO||International Rescue Committee|
*|international crisis group|ngo|NGO||International Crisis Group|
en|crisis group|ngo|NGO||International Crisis Group|
*|freedom house|ngo|NGO||Freedom House|
de|komitee zum schutz von journalisten|ngo|NGO||Committee to Protect Journalists|
en|committee to protect journalists|ngo|NGO||Committee to Protect Journalists|
*|cpj|ngo|NGO||Committee to Protect Journalists|
*|welthungerhilfe|ngo|NGO||Welthungerhilfe|
"""

CURATED += """
# --- armed groups (REB; PRM for pro-government militias and private military companies)
*|taliban|group|AFG|REB|Taliban|prefix
de|pakistanische taliban|group|PAK|REB|Tehrik-i-Taliban Pakistan|
en|pakistani taliban|group|PAK|REB|Tehrik-i-Taliban Pakistan|
*|ttp|group|PAK|REB|Tehrik-i-Taliban Pakistan|prefix
*|tehrik-i-taliban pakistan|group|PAK|REB|Tehrik-i-Taliban Pakistan|
*|tehreek-e-taliban pakistan|group|PAK|REB|Tehrik-i-Taliban Pakistan|
de|hisbollah|group|LBN|REB|Hezbollah|prefix
*|hizbollah|group|LBN|REB|Hezbollah|prefix
en|hezbollah|group|LBN|REB|Hezbollah|prefix
en|hizballah|group|LBN|REB|Hezbollah|prefix
*|hamas|group|PSE|REB|Hamas|prefix
de|kassam-brigaden|group|PSE|REB|Qassam Brigades|
de|essedin-al-kassam-brigaden|group|PSE|REB|Qassam Brigades|
de|al-kassam-brigaden|group|PSE|REB|Qassam Brigades|
de|al-qassam-brigaden|group|PSE|REB|Qassam Brigades|
en|qassam brigades|group|PSE|REB|Qassam Brigades|
en|al-qassam brigades|group|PSE|REB|Qassam Brigades|
en|izz ad-din al-qassam brigades|group|PSE|REB|Qassam Brigades|
de|islamischer dschihad|group|PSE|REB|Islamic Jihad|prefix
de|palästinensischer islamischer dschihad|group|PSE|REB|Islamic Jihad|
en|islamic jihad|group|PSE|REB|Islamic Jihad|
en|palestinian islamic jihad|group|PSE|REB|Islamic Jihad|
*|pij|group|PSE|REB|Islamic Jihad|
de|al-aksa-brigaden|group|PSE|REB|al-Aqsa Martyrs' Brigades|
de|al-aksa-märtyrerbrigaden|group|PSE|REB|al-Aqsa Martyrs' Brigades|
en|al-aqsa martyrs' brigades|group|PSE|REB|al-Aqsa Martyrs' Brigades|
en|al-aqsa martyrs brigades|group|PSE|REB|al-Aqsa Martyrs' Brigades|
*|boko haram|group|NGA|REB|Boko Haram|
de|boko-haram|group|NGA|REB|Boko Haram|prefix
*|iswap|group|NGA|REB|Islamic State West Africa Province|prefix
en|islamic state west africa province|group|NGA|REB|Islamic State West Africa Province|
*|al-shabaab|group|SOM|REB|al-Shabaab|prefix
*|al-shabab|group|SOM|REB|al-Shabaab|prefix
*|al shabaab|group|SOM|REB|al-Shabaab|
*|al shabab|group|SOM|REB|al-Shabaab|
de|al-schabab|group|SOM|REB|al-Shabaab|prefix
de|al-schabaab|group|SOM|REB|al-Shabaab|prefix
en|shabaab|group|SOM|REB|al-Shabaab|
de|al-kaida|group||REB|al-Qaeda|prefix
de|al-qaida|group||REB|al-Qaeda|prefix
de|el kaida|group||REB|al-Qaeda|
de|el-kaida|group||REB|al-Qaeda|prefix
de|al kaida|group||REB|al-Qaeda|
en|al-qaeda|group||REB|al-Qaeda|prefix
en|al qaeda|group||REB|al-Qaeda|
en|al-qaida|group||REB|al-Qaeda|prefix
*|aqap|group|YEM|REB|al-Qaeda in the Arabian Peninsula|
en|al-qaeda in the arabian peninsula|group|YEM|REB|al-Qaeda in the Arabian Peninsula|
de|al-kaida auf der arabischen halbinsel|group|YEM|REB|al-Qaeda in the Arabian Peninsula|
*|aqim|group||REB|al-Qaeda in the Islamic Maghreb|
en|al-qaeda in the islamic maghreb|group||REB|al-Qaeda in the Islamic Maghreb|
de|al-kaida im islamischen maghreb|group||REB|al-Qaeda in the Islamic Maghreb|
*|jnim|group|MLI|REB|JNIM|prefix
*|hts|group|SYR|REB|Hayat Tahrir al-Sham|prefix
en|hayat tahrir al-sham|group|SYR|REB|Hayat Tahrir al-Sham|
de|haiat tahrir al-scham|group|SYR|REB|Hayat Tahrir al-Sham|
de|hajat tahrir al-scham|group|SYR|REB|Hayat Tahrir al-Sham|
de|hayat tahrir al-sham|group|SYR|REB|Hayat Tahrir al-Sham|
de|nusra-front|group|SYR|REB|al-Nusra Front|
de|al-nusra-front|group|SYR|REB|al-Nusra Front|
en|nusra front|group|SYR|REB|al-Nusra Front|
en|al-nusra front|group|SYR|REB|al-Nusra Front|
de|is|group||REB|Islamic State|cs,prefix
*|isis|group||REB|Islamic State|prefix
*|isil|group||REB|Islamic State|prefix
de|islamischer staat|group||REB|Islamic State|
en|islamic state|group||REB|Islamic State|
de|daesch|group||REB|Islamic State|
*|daesh|group||REB|Islamic State|
de|terrormiliz is|group||REB|Islamic State|
*|isis-k|group|AFG|REB|Islamic State Khorasan Province|
*|iskp|group|AFG|REB|Islamic State Khorasan Province|
en|islamic state khorasan|group|AFG|REB|Islamic State Khorasan Province|
en|islamic state khorasan province|group|AFG|REB|Islamic State Khorasan Province|
de|huthi|group|YEM|REB|Houthis|prefix
de|houthi|group|YEM|REB|Houthis|prefix
de|huthi-rebellen|group|YEM|REB|Houthis|
de|huthi-miliz|group|YEM|REB|Houthis|
en|houthis|group|YEM|REB|Houthis|
en|houthi|group|YEM|REB|Houthis|prefix
en|huthis|group|YEM|REB|Houthis|
en|huthi|group|YEM|REB|Houthis|prefix
*|ansar allah|group|YEM|REB|Houthis|
*|ansarallah|group|YEM|REB|Houthis|
*|pkk|group|TUR|REB|PKK|prefix
de|arbeiterpartei kurdistans|group|TUR|REB|PKK|
en|kurdistan workers' party|group|TUR|REB|PKK|
en|kurdistan workers party|group|TUR|REB|PKK|
*|ypg|group|SYR|REB|YPG|prefix
de|volksverteidigungseinheiten|group|SYR|REB|YPG|
en|people's protection units|group|SYR|REB|YPG|
*|sdf|group|SYR|REB|Syrian Democratic Forces|prefix
de|demokratische kräfte syriens|group|SYR|REB|Syrian Democratic Forces|
de|syrische demokratische kräfte|group|SYR|REB|Syrian Democratic Forces|
en|syrian democratic forces|group|SYR|REB|Syrian Democratic Forces|
*|farc|group|COL|REB|FARC|prefix
*|eln|group|COL|REB|ELN|prefix
*|m23|group|COD|REB|M23|prefix
de|bewegung 23. märz|group|COD|REB|M23|
en|march 23 movement|group|COD|REB|M23|
en|allied democratic forces|group|COD|REB|Allied Democratic Forces|
de|alliierte demokratische kräfte|group|COD|REB|Allied Democratic Forces|
*|codeco|group|COD|REB|CODECO|
*|rapid support forces|group|SDN|PRM|Rapid Support Forces|
*|janjaweed|group|SDN|PRM|Janjaweed|
*|janjawid|group|SDN|PRM|Janjaweed|
de|dschandschawid|group|SDN|PRM|Janjaweed|
*|lra|group|UGA|REB|Lord's Resistance Army|
en|lord's resistance army|group|UGA|REB|Lord's Resistance Army|
de|widerstandsarmee des herrn|group|UGA|REB|Lord's Resistance Army|
*|eta|group|ESP|REB|ETA|cs
*|ira|group|GBR|REB|IRA|cs
en|irish republican army|group|GBR|REB|IRA|
de|irisch-republikanische armee|group|GBR|REB|IRA|
*|ltte|group|LKA|REB|LTTE|
*|tamil tigers|group|LKA|REB|LTTE|
de|tamil-tiger|group|LKA|REB|LTTE|
en|liberation tigers of tamil eelam|group|LKA|REB|LTTE|
*|abu sayyaf|group|PHL|REB|Abu Sayyaf|
de|abu-sayyaf|group|PHL|REB|Abu Sayyaf|prefix
*|lashkar-e-taiba|group|PAK|REB|Lashkar-e-Taiba|prefix
*|lashkar-e-toiba|group|PAK|REB|Lashkar-e-Taiba|prefix
*|jaish-e-mohammed|group|PAK|REB|Jaish-e-Mohammed|prefix
*|jaish-e-muhammad|group|PAK|REB|Jaish-e-Mohammed|prefix
de|belutschische befreiungsarmee|group|PAK|REB|Balochistan Liberation Army|
en|balochistan liberation army|group|PAK|REB|Balochistan Liberation Army|
en|baloch liberation army|group|PAK|REB|Balochistan Liberation Army|
*|wagner|group|RUS|PRM|Wagner Group|prefix
de|gruppe wagner|group|RUS|PRM|Wagner Group|
de|wagner-gruppe|group|RUS|PRM|Wagner Group|
de|söldnertruppe wagner|group|RUS|PRM|Wagner Group|
en|wagner group|group|RUS|PRM|Wagner Group|
*|spla-io|group|SSD|REB|SPLA-IO|prefix
*|splm-io|group|SSD|REB|SPLA-IO|prefix
*|polisario|group|ESH|REB|Polisario Front|prefix
de|polisario-front|group|ESH|REB|Polisario Front|
*|frente polisario|group|ESH|REB|Polisario Front|
en|polisario front|group|ESH|REB|Polisario Front|
*|tplf|group|ETH|REB|Tigray People's Liberation Front|prefix
de|volksbefreiungsfront von tigray|group|ETH|REB|Tigray People's Liberation Front|
en|tigray people's liberation front|group|ETH|REB|Tigray People's Liberation Front|
*|fano|group|ETH|REB|Fano|prefix
de|oromo-befreiungsarmee|group|ETH|REB|Oromo Liberation Army|
en|oromo liberation army|group|ETH|REB|Oromo Liberation Army|
*|arakan army|group|MMR|REB|Arakan Army|
de|arakan-armee|group|MMR|REB|Arakan Army|
*|arsa|group|MMR|REB|Arakan Rohingya Salvation Army|
en|kachin independence army|group|MMR|REB|Kachin Independence Army|
de|kachin-unabhängigkeitsarmee|group|MMR|REB|Kachin Independence Army|
en|karen national union|group|MMR|REB|Karen National Union|
*|knu|group|MMR|REB|Karen National Union|
de|leuchtender pfad|group|PER|REB|Shining Path|
en|shining path|group|PER|REB|Shining Path|
*|sendero luminoso|group|PER|REB|Shining Path|
*|ezln|group|MEX|REB|Zapatista Army of National Liberation|
*|basij|group|IRN|PRM|Basij|prefix
de|basidsch|group|IRN|PRM|Basij|prefix
de|basidsch-miliz|group|IRN|PRM|Basij|
de|kataib hisbollah|group|IRQ|PRM|Kata'ib Hezbollah|
en|kataib hezbollah|group|IRQ|PRM|Kata'ib Hezbollah|
en|kata'ib hezbollah|group|IRQ|PRM|Kata'ib Hezbollah|
de|volksmobilisierungskräfte|group|IRQ|PRM|Popular Mobilization Forces|
en|popular mobilization forces|group|IRQ|PRM|Popular Mobilization Forces|
en|popular mobilisation forces|group|IRQ|PRM|Popular Mobilization Forces|
de|sinaloa-kartell|group|MEX|CRM|Sinaloa Cartel|
en|sinaloa cartel|group|MEX|CRM|Sinaloa Cartel|
*|cjng|group|MEX|CRM|Jalisco New Generation Cartel|
de|jalisco-kartell|group|MEX|CRM|Jalisco New Generation Cartel|
en|jalisco cartel|group|MEX|CRM|Jalisco New Generation Cartel|
en|jalisco new generation cartel|group|MEX|CRM|Jalisco New Generation Cartel|
*|tren de aragua|group|VEN|CRM|Tren de Aragua|
*|ms-13|group|SLV|CRM|MS-13|prefix
*|mara salvatrucha|group|SLV|CRM|MS-13|
*|viv ansanm|group|HTI|CRM|Viv Ansanm|
# --- national organisations with a clear sector
*|bundeswehr|org|DEU|MIL|Bundeswehr|prefix
*|bundestag|org|DEU|LEG|Bundestag|prefix
de|bundesregierung|org|DEU|GOV|German Federal Government|
de|bundesverfassungsgericht|org|DEU|JUD|Federal Constitutional Court|
de|bundesgerichtshof|org|DEU|JUD|Federal Court of Justice|
de|bundesanwaltschaft|org|DEU|JUD|Federal Prosecutor General|
de|generalbundesanwalt|org|DEU|JUD|Federal Prosecutor General|
de|auswärtiges amt|org|DEU|GOV|Federal Foreign Office|
de|bundesnachrichtendienst|org|DEU|SPY|BND|
*|bnd|org|DEU|SPY|BND|prefix
de|verfassungsschutz|org|DEU|SPY|Federal Office for the Protection of the Constitution|
de|bundesamt für verfassungsschutz|org|DEU|SPY|Federal Office for the Protection of the Constitution|
de|bundespolizei|org|DEU|COP|Federal Police|
*|cdu|org|DEU|PTY|CDU|prefix
*|csu|org|DEU|PTY|CSU|prefix
*|spd|org|DEU|PTY|SPD|prefix
*|fdp|org|DEU|PTY|FDP|prefix
*|afd|org|DEU|PTY|AfD|prefix
*|bsw|org|DEU|PTY|BSW|prefix
*|cia|org|USA|SPY|CIA|prefix
*|fbi|org|USA|COP|FBI|prefix
*|nsa|org|USA|SPY|NSA|prefix
de|us-kongress|org|USA|LEG|US Congress|
de|us-senat|org|USA|LEG|US Senate|
de|us-repräsentantenhaus|org|USA|LEG|US House of Representatives|
de|repräsentantenhaus|org|USA|LEG|US House of Representatives|
de|us-außenministerium|org|USA|GOV|US Department of State|
en|us congress|org|USA|LEG|US Congress|
en|u.s. congress|org|USA|LEG|US Congress|
en|us senate|org|USA|LEG|US Senate|
en|u.s. senate|org|USA|LEG|US Senate|
en|us house of representatives|org|USA|LEG|US House of Representatives|
*|fsb|org|RUS|SPY|FSB|prefix
*|svr|org|RUS|SPY|SVR|prefix
*|gru|org|RUS|SPY|GRU|prefix
*|duma|org|RUS|LEG|State Duma|prefix
de|staatsduma|org|RUS|LEG|State Duma|
en|state duma|org|RUS|LEG|State Duma|
de|föderationsrat|org|RUS|LEG|Federation Council|
en|federation council|org|RUS|LEG|Federation Council|
de|einiges russland|org|RUS|PTY|United Russia|
en|united russia|org|RUS|PTY|United Russia|
*|gazprom|org|RUS|BUS|Gazprom|prefix
*|rosatom|org|RUS|BUS|Rosatom|prefix
*|idf|org|ISR|MIL|Israel Defense Forces|prefix
de|zahal|org|ISR|MIL|Israel Defense Forces|
en|tsahal|org|ISR|MIL|Israel Defense Forces|
en|israel defense forces|org|ISR|MIL|Israel Defense Forces|
en|israel defence forces|org|ISR|MIL|Israel Defense Forces|
de|israelische verteidigungsstreitkräfte|org|ISR|MIL|Israel Defense Forces|
*|mossad|org|ISR|SPY|Mossad|prefix
de|schin bet|org|ISR|SPY|Shin Bet|
*|shin bet|org|ISR|SPY|Shin Bet|
*|shabak|org|ISR|SPY|Shin Bet|
*|knesset|org|ISR|LEG|Knesset|prefix
*|likud|org|ISR|PTY|Likud|prefix
*|werchowna rada|org|UKR|LEG|Verkhovna Rada|
en|verkhovna rada|org|UKR|LEG|Verkhovna Rada|
*|sbu|org|UKR|SPY|SBU|prefix
*|mi5|org|GBR|SPY|MI5|
*|mi6|org|GBR|SPY|MI6|
*|scotland yard|org|GBR|COP|Metropolitan Police|
*|dgse|org|FRA|SPY|DGSE|
de|französische nationalversammlung|org|FRA|LEG|French National Assembly|
de|volksbefreiungsarmee|org|CHN|MIL|People's Liberation Army|
en|people's liberation army|org|CHN|MIL|People's Liberation Army|
en|pla|org|CHN|MIL|People's Liberation Army|cs
de|kommunistische partei chinas|org|CHN|PTY|Chinese Communist Party|
de|kpch|org|CHN|PTY|Chinese Communist Party|
en|chinese communist party|org|CHN|PTY|Chinese Communist Party|
en|communist party of china|org|CHN|PTY|Chinese Communist Party|
en|ccp|org|CHN|PTY|Chinese Communist Party|
de|revolutionsgarden|org|IRN|MIL|Islamic Revolutionary Guard Corps|
de|revolutionsgarde|org|IRN|MIL|Islamic Revolutionary Guard Corps|
de|iranische revolutionsgarden|org|IRN|MIL|Islamic Revolutionary Guard Corps|
en|revolutionary guards|org|IRN|MIL|Islamic Revolutionary Guard Corps|
en|revolutionary guard|org|IRN|MIL|Islamic Revolutionary Guard Corps|
en|revolutionary guard corps|org|IRN|MIL|Islamic Revolutionary Guard Corps|
en|islamic revolutionary guard corps|org|IRN|MIL|Islamic Revolutionary Guard Corps|
*|irgc|org|IRN|MIL|Islamic Revolutionary Guard Corps|prefix
*|pasdaran|org|IRN|MIL|Islamic Revolutionary Guard Corps|
en|quds force|org|IRN|MIL|Quds Force|
de|quds-einheit|org|IRN|MIL|Quds Force|
de|kuds-einheit|org|IRN|MIL|Quds Force|
de|al-kuds-einheit|org|IRN|MIL|Quds Force|
*|tatmadaw|org|MMR|MIL|Tatmadaw|
*|akp|org|TUR|PTY|AKP|prefix
*|chp|org|TUR|PTY|CHP|prefix
*|isi|org|PAK|SPY|ISI|cs
*|pti|org|PAK|PTY|PTI|prefix
*|bjp|org|IND|PTY|BJP|prefix
*|anc|org|ZAF|PTY|ANC|prefix
*|zanu-pf|org|ZWE|PTY|ZANU-PF|prefix
*|fatah|org|PSE|PTY|Fatah|prefix
*|unita|group|AGO|REB|UNITA|prefix
de|palästinensische autonomiebehörde|org|PSE|GOV|Palestinian Authority|
de|autonomiebehörde|org|PSE|GOV|Palestinian Authority|
en|palestinian authority|org|PSE|GOV|Palestinian Authority|
en|palestine liberation organization|org|PSE|GOV|Palestine Liberation Organization|
en|palestine liberation organisation|org|PSE|GOV|Palestine Liberation Organization|
de|palästinensische befreiungsorganisation|org|PSE|GOV|Palestine Liberation Organization|
*|plo|org|PSE|GOV|Palestine Liberation Organization|cs,prefix
en|palestinian national authority|org|PSE|GOV|Palestinian Authority|
# historical organisations of 1975-2010 news
en|tamil tiger|group|LKA|REB|Liberation Tigers of Tamil Eelam|
en|african national congress|org|ZAF|PTY|ANC|
de|afrikanischer nationalkongress|org|ZAF|PTY|ANC|
en|commonwealth|igo|IGO||Commonwealth|
en|commonwealth of nations|igo|IGO||Commonwealth|
en|international criminal tribunal for rwanda|igo|IGO||International Criminal Tribunal for Rwanda|
*|ictr|igo|IGO||International Criminal Tribunal for Rwanda|
*|icty|igo|IGO||International Criminal Tribunal for the former Yugoslavia|
en|yugoslav war crimes tribunal|igo|IGO||International Criminal Tribunal for the former Yugoslavia|
*|kgb|group||SPY|KGB|cs,prefix
# --- Palestinian organisations (PLO rows already present)
*|pflp|group|PSE|REB|Popular Front for the Liberation of Palestine|prefix
de|volksfront zur befreiung palästinas|group|PSE|REB|Popular Front for the Liberation of Palestine|
*|dflp|group|PSE|REB|Democratic Front for the Liberation of Palestine|prefix
# --- Lebanon
en|amal movement|group|LBN|REB|Amal Movement|
en|amal militia|group|LBN|REB|Amal Movement|
de|amal-miliz|group|LBN|REB|Amal Movement|
de|amal-bewegung|group|LBN|REB|Amal Movement|
*|phalange|org|LBN|PTY|Kataeb Party|prefix
en|phalangists|org|LBN|PTY|Kataeb Party|
de|phalangisten|org|LBN|PTY|Kataeb Party|
*|kataeb|org|LBN|PTY|Kataeb Party|
en|south lebanon army|group|LBN|PRM|South Lebanon Army|
de|südlibanesische armee|group|LBN|PRM|South Lebanon Army|
# --- Israel
en|israeli labor party|org|ISR|PTY|Israeli Labor Party|
en|israeli labour party|org|ISR|PTY|Israeli Labor Party|
de|israelische arbeitspartei|org|ISR|PTY|Israeli Labor Party|
# --- Iraq, Iran, Kurds
*|kdp|org|IRQ|PTY|Kurdistan Democratic Party|prefix
en|kurdistan democratic party|org|IRQ|PTY|Kurdistan Democratic Party|
de|demokratische partei kurdistans|org|IRQ|PTY|Kurdistan Democratic Party|
*|puk|org|IRQ|PTY|Patriotic Union of Kurdistan|prefix
en|patriotic union of kurdistan|org|IRQ|PTY|Patriotic Union of Kurdistan|
de|patriotische union kurdistans|org|IRQ|PTY|Patriotic Union of Kurdistan|
en|mahdi army|group|IRQ|REB|Mahdi Army|
de|mahdi-armee|group|IRQ|REB|Mahdi Army|
en|al-qaeda in iraq|group|IRQ|REB|al-Qaeda in Iraq|
de|al-kaida im irak|group|IRQ|REB|al-Qaeda in Iraq|
*|mek|group|IRN|REB|People's Mujahedin of Iran|prefix
*|mko|group|IRN|REB|People's Mujahedin of Iran|prefix
en|mujahedin-e khalq|group|IRN|REB|People's Mujahedin of Iran|
en|mujahideen-e-khalq|group|IRN|REB|People's Mujahedin of Iran|
en|people's mujahedin|group|IRN|REB|People's Mujahedin of Iran|
de|volksmudschahedin|group|IRN|REB|People's Mujahedin of Iran|
# --- Egypt, Algeria
en|muslim brotherhood|org|EGY|PTY|Muslim Brotherhood|
de|muslimbruderschaft|org|EGY|PTY|Muslim Brotherhood|
de|muslimbrüder|org|EGY|PTY|Muslim Brotherhood|
de|moslembruderschaft|org|EGY|PTY|Muslim Brotherhood|
de|moslembrüder|org|EGY|PTY|Muslim Brotherhood|
*|gia|group|DZA|REB|Armed Islamic Group|cs,prefix
en|armed islamic group|group|DZA|REB|Armed Islamic Group|
de|bewaffnete islamische gruppe|group|DZA|REB|Armed Islamic Group|
*|fis|org|DZA|PTY|Islamic Salvation Front|cs,prefix
en|islamic salvation front|org|DZA|PTY|Islamic Salvation Front|
de|islamische heilsfront|org|DZA|PTY|Islamic Salvation Front|
# --- Afghanistan, Pakistan, India, Bangladesh
en|mujahideen|group|AFG|REB|Mujahideen|
en|mujahedeen|group|AFG|REB|Mujahideen|
en|mujahedin|group|AFG|REB|Mujahideen|
de|mudschaheddin|group|AFG|REB|Mujahideen|
de|mudschahedin|group|AFG|REB|Mujahideen|
en|northern alliance|group|AFG|REB|Northern Alliance|
de|nordallianz|group|AFG|REB|Northern Alliance|
*|hezb-e-islami|group|AFG|REB|Hezb-e-Islami|
*|hizb-ul-mujahideen|group|IND|REB|Hizbul Mujahideen|prefix
*|hizbul mujahideen|group|IND|REB|Hizbul Mujahideen|
de|hisbul mudschahedin|group|IND|REB|Hizbul Mujahideen|
en|congress party|org|IND|PTY|Indian National Congress|
en|indian national congress|org|IND|PTY|Indian National Congress|
de|kongresspartei|org|IND|PTY|Indian National Congress|
*|awami league|org|BGD|PTY|Awami League|
de|awami-liga|org|BGD|PTY|Awami League|
en|bangladesh nationalist party|org|BGD|PTY|Bangladesh Nationalist Party|
# --- East and Southeast Asia
en|khmer rouge|group|KHM|REB|Khmer Rouge|
de|rote khmer|group|KHM|REB|Khmer Rouge|
*|kuomintang|org|TWN|PTY|Kuomintang|prefix
*|kmt|org|TWN|PTY|Kuomintang|prefix
*|milf|group|PHL|REB|Moro Islamic Liberation Front|cs,prefix
en|moro islamic liberation front|group|PHL|REB|Moro Islamic Liberation Front|
de|islamische befreiungsfront der moros|group|PHL|REB|Moro Islamic Liberation Front|
*|mnlf|group|PHL|REB|Moro National Liberation Front|prefix
en|moro national liberation front|group|PHL|REB|Moro National Liberation Front|
de|nationale befreiungsfront der moros|group|PHL|REB|Moro National Liberation Front|
*|jemaah islamiyah|group|IDN|REB|Jemaah Islamiyah|
# --- Sub-Saharan Africa
*|spla|group|SDN|REB|Sudan People's Liberation Army|prefix
en|sudan people's liberation army|group|SDN|REB|Sudan People's Liberation Army|
de|sudanesische volksbefreiungsarmee|group|SDN|REB|Sudan People's Liberation Army|
*|splm|group|SDN|REB|Sudan People's Liberation Movement|prefix
en|sudan people's liberation movement|group|SDN|REB|Sudan People's Liberation Movement|
de|sudanesische volksbefreiungsbewegung|group|SDN|REB|Sudan People's Liberation Movement|
*|jem|group|SDN|REB|Justice and Equality Movement|cs,prefix
en|justice and equality movement|group|SDN|REB|Justice and Equality Movement|
de|bewegung für gerechtigkeit und gleichheit|group|SDN|REB|Justice and Equality Movement|
*|slm|group|SDN|REB|Sudan Liberation Movement/Army|prefix
en|sudan liberation army|group|SDN|REB|Sudan Liberation Movement/Army|
en|sudan liberation movement|group|SDN|REB|Sudan Liberation Movement/Army|
de|sudanesische befreiungsarmee|group|SDN|REB|Sudan Liberation Movement/Army|
de|sudanesische befreiungsbewegung|group|SDN|REB|Sudan Liberation Movement/Army|
*|renamo|group|MOZ|REB|RENAMO|prefix
*|frelimo|org|MOZ|PTY|FRELIMO|prefix
*|swapo|org|NAM|PTY|SWAPO|prefix
*|mpla|org|AGO|PTY|MPLA|prefix
*|ruf|group|SLE|REB|Revolutionary United Front|cs,prefix
en|revolutionary united front|group|SLE|REB|Revolutionary United Front|
de|revolutionäre vereinigte front|group|SLE|REB|Revolutionary United Front|
*|interahamwe|group|RWA|PRM|Interahamwe|prefix
*|rpf|org|RWA|PTY|Rwandan Patriotic Front|prefix
en|rwandan patriotic front|org|RWA|PTY|Rwandan Patriotic Front|
de|ruandische patriotische front|org|RWA|PTY|Rwandan Patriotic Front|
*|zanu|org|ZWE|PTY|ZANU-PF|prefix
*|zapu|org|ZWE|PTY|ZAPU|prefix
*|inkatha|org|ZAF|PTY|Inkatha Freedom Party|prefix
en|inkatha freedom party|org|ZAF|PTY|Inkatha Freedom Party|
de|inkatha-freiheitspartei|org|ZAF|PTY|Inkatha Freedom Party|
*|ifp|org|ZAF|PTY|Inkatha Freedom Party|prefix
# --- Latin America
en|contras|group|NIC|REB|Contras|
en|contra|group|NIC|REB|Contras|
de|contras|group|NIC|REB|Contras|prefix
en|sandinistas|org|NIC|PTY|Sandinista National Liberation Front|
en|sandinista|org|NIC|PTY|Sandinista National Liberation Front|
de|sandinisten|org|NIC|PTY|Sandinista National Liberation Front|
*|fsln|org|NIC|PTY|Sandinista National Liberation Front|prefix
en|sandinista national liberation front|org|NIC|PTY|Sandinista National Liberation Front|
de|sandinistische nationale befreiungsfront|org|NIC|PTY|Sandinista National Liberation Front|
*|fmln|group|SLV|REB|Farabundo Martí National Liberation Front|prefix
en|farabundo marti national liberation front|group|SLV|REB|Farabundo Martí National Liberation Front|
en|farabundo martí national liberation front|group|SLV|REB|Farabundo Martí National Liberation Front|
de|nationale befreiungsfront farabundo martí|group|SLV|REB|Farabundo Martí National Liberation Front|
*|urng|group|GTM|REB|Guatemalan National Revolutionary Unity|prefix
en|guatemalan national revolutionary unity|group|GTM|REB|Guatemalan National Revolutionary Unity|
en|zapatistas|group|MEX|REB|Zapatista Army of National Liberation|
en|zapatista|group|MEX|REB|Zapatista Army of National Liberation|
de|zapatisten|group|MEX|REB|Zapatista Army of National Liberation|
en|zapatista army of national liberation|group|MEX|REB|Zapatista Army of National Liberation|
de|zapatistische armee der nationalen befreiung|group|MEX|REB|Zapatista Army of National Liberation|
en|revolutionary armed forces of colombia|group|COL|REB|FARC|
de|revolutionäre streitkräfte kolumbiens|group|COL|REB|FARC|
*|m-19|group|COL|REB|M-19|prefix
en|april 19 movement|group|COL|REB|M-19|
*|auc|group|COL|PRM|United Self-Defense Forces of Colombia|prefix
en|united self-defense forces of colombia|group|COL|PRM|United Self-Defense Forces of Colombia|
en|united self-defence forces of colombia|group|COL|PRM|United Self-Defense Forces of Colombia|
de|vereinigte bürgerwehren kolumbiens|group|COL|PRM|United Self-Defense Forces of Colombia|
*|autodefensas unidas de colombia|group|COL|PRM|United Self-Defense Forces of Colombia|
*|mrta|group|PER|REB|Túpac Amaru Revolutionary Movement|prefix
*|tupac amaru|group|PER|REB|Túpac Amaru Revolutionary Movement|
en|tupac amaru revolutionary movement|group|PER|REB|Túpac Amaru Revolutionary Movement|
de|revolutionäre bewegung tupac amaru|group|PER|REB|Túpac Amaru Revolutionary Movement|
# --- Europe: armed groups
*|kla|group|XKX|REB|Kosovo Liberation Army|prefix
en|kosovo liberation army|group|XKX|REB|Kosovo Liberation Army|
*|uçk|group|XKX|REB|Kosovo Liberation Army|prefix
*|uck|group|XKX|REB|Kosovo Liberation Army|prefix
de|kosovo-befreiungsarmee|group|XKX|REB|Kosovo Liberation Army|
de|befreiungsarmee des kosovo|group|XKX|REB|Kosovo Liberation Army|
en|red brigades|group|ITA|REB|Red Brigades|
de|rote brigaden|group|ITA|REB|Red Brigades|
*|brigate rosse|group|ITA|REB|Red Brigades|
de|raf|group|DEU|REB|Red Army Faction|cs,prefix
en|red army faction|group|DEU|REB|Red Army Faction|
de|rote armee fraktion|group|DEU|REB|Red Army Faction|
de|rote-armee-fraktion|group|DEU|REB|Red Army Faction|prefix
*|baader-meinhof|group|DEU|REB|Red Army Faction|prefix
en|baader-meinhof gang|group|DEU|REB|Red Army Faction|
de|baader-meinhof-gruppe|group|DEU|REB|Red Army Faction|
de|baader-meinhof-bande|group|DEU|REB|Red Army Faction|
*|uda|group|GBR|PRM|Ulster Defence Association|prefix
*|ulster defence association|group|GBR|PRM|Ulster Defence Association|
en|ulster defense association|group|GBR|PRM|Ulster Defence Association|
*|uvf|group|GBR|PRM|Ulster Volunteer Force|prefix
*|ulster volunteer force|group|GBR|PRM|Ulster Volunteer Force|
*|real ira|group|GBR|REB|Real IRA|
# --- Europe: parties, unions, armed forces
*|sinn fein|org|GBR|PTY|Sinn Féin|
*|sinn féin|org|GBR|PTY|Sinn Féin|
*|dup|org|GBR|PTY|Democratic Unionist Party|prefix
en|labour party|org|GBR|PTY|Labour Party|
de|labour|org|GBR|PTY|Labour Party|prefix
*|tories|org|GBR|PTY|Conservative Party|
*|tory|org|GBR|PTY|Conservative Party|prefix
en|raf|org|GBR|MIL|Royal Air Force|cs,prefix
*|royal air force|org|GBR|MIL|Royal Air Force|
*|solidarność|org|POL|LAB|Solidarity|prefix
*|solidarnosc|org|POL|LAB|Solidarity|prefix
*|pds|org|DEU|PTY|PDS|prefix
*|npd|org|DEU|PTY|NPD|prefix
*|fpö|org|AUT|PTY|FPÖ|prefix
*|övp|org|AUT|PTY|ÖVP|prefix
*|spö|org|AUT|PTY|SPÖ|prefix
# --- IGOs and missions
en|warsaw pact|igo|IGO||Warsaw Pact|
de|warschauer pakt|igo|IGO||Warsaw Pact|
*|comecon|igo|IGO||Comecon|prefix
de|rgw|igo|IGO||Comecon|prefix
*|oau|igo|IGO||Organization of African Unity|prefix
de|oae|igo|IGO||Organization of African Unity|prefix
en|organization of african unity|igo|IGO||Organization of African Unity|
en|organisation of african unity|igo|IGO||Organization of African Unity|
de|organisation für afrikanische einheit|igo|IGO||Organization of African Unity|
*|ecomog|igo|IGO||ECOMOG|prefix
en|csce|igo|IGO||CSCE|prefix
de|ksze|igo|IGO||CSCE|prefix
en|commonwealth of independent states|igo|IGO||Commonwealth of Independent States|
en|cis|igo|IGO||Commonwealth of Independent States|cs
de|gus|igo|IGO||Commonwealth of Independent States|cs,prefix
de|gemeinschaft unabhängiger staaten|igo|IGO||Commonwealth of Independent States|
*|isaf|igo|IGO||ISAF|prefix
*|unprofor|igo|IGO||UNPROFOR|prefix
"""

# pycountry names not to use for that country (the form belongs elsewhere).
AUTO_DROP = {("en", "congo", "COG"), ("de", "kongo", "COG")}
NO_PLURAL = {"i-kiribati", "ni-vanuatu"}


def canonical(iso3: str) -> str:
    if iso3 in NAME:
        return NAME[iso3]
    c = pycountry.countries.get(alpha_3=iso3)
    return getattr(c, "common_name", None) or c.name


def split(field: str) -> list[str]:
    return [x.strip() for x in field.split(";") if x.strip()]


def auto_names(lang: str, tr) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in pycountry.countries:
        names = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)]
        for n in filter(None, names):
            if lang == "de":
                n = tr.gettext(n)
            n = n.strip()
            if n.lower().startswith("the "):
                n = n[4:]
            form = n.lower()
            if "," in form or "(" in form or form in SKIP_AUTO:
                continue
            if (lang, form, c.alpha_3) in AUTO_DROP:
                continue
            out.setdefault(c.alpha_3, set()).add(form)
    return out


def country_rows(lang: str) -> list[tuple]:
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    names = auto_names(lang, tr)
    rows = []
    for line in COUNTRIES.strip().splitlines():
        f = line.split("|")
        assert len(f) == 7, line
        iso, en_n, en_a, en_p, de_n, de_a, de_p = f
        name = canonical(iso)
        if lang == "en":
            forms = names.get(iso, set()) | set(split(en_n))
            adjs = set(split(en_a)) | set(split(en_p))
            for a in split(en_a):
                if (a.endswith("an") or a.endswith("i")) and a not in NO_PLURAL:
                    adjs.add(a + "s")
        else:
            forms = names.get(iso, set()) | set(split(de_n))
            adjs = set(split(de_a)) | set(split(de_p))
            for n in split(de_p):
                if n.endswith("er") and n != "deutscher":
                    adjs.add(n + "in")
        for form in forms:
            rows.append((form, "country", iso, "GOV", name, ""))
        for form in adjs:
            rows.append((form, "adj", iso, "", name, ""))
    return rows


def curated_rows(lang: str) -> list[tuple]:
    rows = []
    for line in CURATED.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("|")
        assert len(f) == 7, line
        l, form, kind, country, sector, name, flags = f
        if l not in (lang, "*"):
            continue
        if not name:
            name = canonical(country)
        rows.append((form, kind, country, sector, name, flags))
    return rows


def build(lang: str) -> list[tuple]:
    curated = curated_rows(lang)
    overridden = {(r[0], r[1]) for r in curated}
    rows = {}
    for r in country_rows(lang) + curated:
        key = (r[0], r[1])
        if key in rows and rows[key] != r:
            if key in overridden and r in curated:
                pass  # the curated row (with flags) wins over the generated one
            else:
                raise SystemExit(f"{lang}: conflicting rows {rows[key]} / {r}")
        rows[key] = r
    return sorted(rows.values(), key=lambda r: (KIND_ORDER.index(r[1]), r[0], r[2]))


def render(lang: str) -> str:
    lines = [HEADER,
             f"# Chronik actor gazetteer ({lang}). Curated; bootstrapped by scripts/build_actor_gazetteer.py.",
             "# kind: country | adj | capital | igo | ngo | group | org; country: ISO 3166-1 alpha-3, IGO, NGO",
             "# (XKX = Kosovo; empty = transnational); sector: PLOVER code, empty for adj/igo/ngo.",
             "# flags: cs = match only when written in capitals in the text (US, UN, WHO);",
             "#        prefix = also matches as first part of a hyphenated compound (US-Außenminister).",
             "# Sorted by kind, then form."]
    lines += ["\t".join(r) for r in build(lang)]
    return "\n".join(lines) + "\n"


def main() -> int:
    check = "--check" in sys.argv
    status = 0
    for lang in ("de", "en"):
        path = ROOT / "chronik" / "lang" / lang / "data" / "actors.tsv"
        text = render(lang)
        if check:
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            if old != text:
                print(f"{path} differs from the generated version")
                status = 1
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}: {text.count(chr(10)) - 7} rows")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
