-- navo-agenda seed data
--
-- What the founding letter says, written by hand from it and checked against it:
--   data/letters/2025-05-21_geannoteerde-agenda_dmm-2025-06.txt, the annotated agenda
--   ("geannoteerde agenda") of 21 May 2025 for the meeting of NATO defence ministers in
--   Brussels on 5 June 2025 (PDF-extracted text, quirks kept).
-- What became of those meetings comes from shared/FACTS.md, each fact citing its own source
-- document. "L<n>" in the comments below is a line number of the letter file, "FACTS" a row
-- of FACTS.md.
--
-- Portable SQL for SQLite and PostgreSQL alike: plain INSERT ... VALUES, no ids (rows refer
-- to each other through subselects on their slugs and refs), no created_at / updated_at /
-- version (their defaults apply), no transaction control (the loader runs the whole file in
-- one transaction). Every source_quote is verbatim from the body of its source document,
-- compared after joining words hyphenated across a line end and collapsing whitespace. A
-- record whose source is not the letter has source_quote NULL: we do not hold that text.
--
-- Order: documents, meetings (parents first), agenda items, topics, commitments, their
-- status history, then the links between records and documents.

-- ===========================================================================================
-- Documents
-- ===========================================================================================

-- The founding letter. Its body is the letter file, byte for byte: the stray first line,
-- the trailing spaces and the blank lines included. Do not let an editor strip them
-- (tests/test_seed.py compares the body with the file).
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('letter-2025-05-21', 'letter', NULL,
        'Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie in Brussel op 5 juni 2025',
        '2025-05-21', NULL,
' v agenda> Retouradres Postbus 20701 2500 ES Den Haag 
de Voorzitter van de Eerste Kamer  
der Staten-Generaal 
Kazernestraat 52 
2500 EA Den Haag 

Datum 21 mei 2025 
Betreft Geannoteerde agenda bijeenkomst NAVO-ministers van 

Defensie in Brussel op 5 juni 2025 
 

 

Geachte voorzitter, 

Op 5 juni 2025 komen de NAVO-ministers van Defensie in Brussel bijeen. In deze brief informeer ik 
uw Kamer over de Nederlandse inzet. 

Defence Ministers Meeting (DMM) 

De DMM staat in het teken van de versterking van de afschrikking en verdediging van het NAVO-
bondgenootschap. Deze bijeenkomst is een belangrijke opmaat naar de NAVO-top in Den Haag op 
24 en 25 juni 2025. De ministers komen ook bijeen in de Nuclear Planning Group (NPG). In de NPG 
spreken de ministers van Defensie periodiek over het nucleaire beleid van de NAVO. Daarnaast zal 
er naar verwachting een bijeenkomst plaatsvinden van de Ukraine Defence Contact Group (UDCG) 
om te spreken over de voortzetting van de steun aan Oekraïne.  

Afschrikking en verdediging 

Capability Targets 2025 (CT25)   

De Capability Targets 2025 (CT25) zijn deze DMM een belangrijk onderwerp. Tijdens de DMM zullen 
de CT25 formeel door de ministers van Defensie worden vastgelegd. Deze CT25 zijn gebaseerd op 
de concrete operationele behoefte vanuit de nieuwe set aan plannen en vereisen investeringen door 
alle bondgenoten. Er is consensus onder bondgenoten dat succesvolle afschrikking en verdediging 
juist nu van het grootste belang is.  

Voortgang implementatie militaire plannen en maatregelen 

De ministers bespreken tijdens de DMM de voortgang van de implementatie van de plannen voor 
bondgenootschappelijke afschrikking en verdediging, en gaan onder andere in op modernisering van 
de command & control, verhoging van de gereedheid, en logistieke ondersteuning. Tijdens de NAVO-
top in Vilnius in 2023 (Kamerstuk 28 676, nr. 440) stemden bondgenoten in met een pakket militaire 
plannen en maatregelen om de bondgenootschappelijke afschrikking en verdediging aanzienlijk te 
versterken, inclusief de bijbehorende behoefte aan eenheden en tijdslijnen.  

De nieuwe militaire plannen zijn zowel in vredestijd als in crisis en conflict actief, om effectief te 
kunnen afschrikken en zo nodig te verdedigen. De militaire plannen zijn geregionaliseerd; 
bondgenoten bieden hun capaciteiten op deze regionale plannen, waarna de plannen ook 
daadwerkelijk uitvoerbaar zijn met militaire eenheden. Deze regionale plannen zijn gereed maar 
krijgen doorlopend incrementele verfijning. Zo wordt bijvoorbeeld de recente toetreding van Finland 
en Zweden verwerkt en is er steeds meer bekend over de nationale verdedigingsplannen van 
bondgenoten, die gesynchroniseerd moeten zijn met de NAVO-plannen.  
 In het kader van de versterking van de afschrikking en verdediging spreken de bondgenoten tevens 
over het verbeteren van de Integrated Air and Missile Defence (IAMD) architectuur en de benodigde 
vervolgstappen ten behoeve van de doorontwikkeling van IAMD-beleid en militaire plannen. Ook ligt 
de nieuwe counter-hybrid strategie van NAVO voor bij de ministers, net als een voortgangsrapport 
over de implementatie van de Space Policy en voorgestelde aanwijzingen voor civiele planning ter 
ondersteuning van de uitvoerbaarheid van de militaire plannen. 

Defensie-industrie 

Tijdens de vorige DMM in februari 2025 is het Defence Production Action Plan (DPAP) herzien. De 
geactualiseerde versie bevat toezeggingen uit de NATO Industrial Capacity Expansion-pledge, een 
politieke afspraak tussen alle bondgenoten om extra te investeren in de nationale defensie-
productiecapaciteit. Nederland geeft hier mede invulling aan door middel van de recent 
gepubliceerde Defensie Strategie voor Industrie en Innovatie (Kamerbrief 2025 0404 van 4 april 
2025). Om publiek-private samenwerking te versterken is onlangs het platform Defport gelanceerd. 
Het doel van Defport is het stimuleren van versnelde innovatie en productie van militair materieel. 
Tijdens de DMM blikken de ministers vooruit op de bespreking van de defensie-industrie tijdens de 
NAVO-top.  

NAVO-top 

Enkele weken na de DMM vindt op 24 en 25 juni de NAVO-top plaats in Den Haag. Op de eerste dag 
van de top organiseert Nederland samen met de NAVO het NATO Summit Defence Industry Forum 
(NSDIF). Het NSDIF dient als belangrijkste bijeenkomst tussen industrie en NAVO tijdens de week 
van de NAVO-top. Hier komen leiders van NAVO-bondgenoten en –partners samen met 
industrieleiders om de voortgang, volgende stappen en toekomstige kansen te bespreken die de 
trans-Atlantische samenwerking in de defensie-industrie kunnen versterken. 

Op de eerste avond van de NAVO-top komen de ministers van Defensie samen voor een ministerieel 
diner. Hoewel de agenda van de NAVO-top nog niet bekend is, is het de verwachting dat afschrikking 
en verdediging en een nieuwe afspraak over NAVO-defensie uitgaven belangrijke onderwerpen zijn 
tijdens de NAVO-top. 

Oekraïne (UDCG) 

Nederland zet de militaire steun aan Oekraïne onverminderd voort. Om de steun aan Oekraïne zo 
snel en effectief mogelijk te blijven leveren heeft Defensie verschillende versnellingsmaatregelen 
getroffen. Hierdoor kan Nederland een deel van de toezegde additionele steun van €3,5 miljard in 
2026 al in 2025 leveren. Hierbij wordt onder andere gebruik gemaakt van efficiëntere 
aanbestedingsprocedures, zoals directe gunning bij één partij voor verwervingstrajecten. Nederland 
zal tijdens de UDCG de bondgenoten en partners oproepen om ook hun steun aan Oekraïne te 
intensiveren. 

Op specifieke thema’s en capaciteiten blijft Nederland een voortrekkersrol vervullen. De focus van de 
Nederlandse steun ligt op de instandhouding en voortzettingsvermogen van, en training op, de door 
Nederland geleverde wapensystemen. Daarbij ligt een speciale focus op innovatie. Naast steun op de 
korte termijn werkt Nederland met internationale partners ook aan de ontwikkeling en 
modernisering van de Oekraïense krijgsmacht op de lange termijn. Dit gebeurt in internationale 
Capability Coalitions. Zo werkt Nederland samen met verschillende partners in de internationale Air 
Force Capability Coalition, waar Nederland co-leider van is, om de Nederlandse F-16 steun aan 
Oekraïne verder te versterken. Op 7 mei tekenden Nederland en Roemenië een intentieverklaring 
over de oprichting van het Ukraine Maintainer Training Center in Roemenië.  
 Defensie trekt lessen uit de oorlog en de militaire steun aan Oekraïne en brengt deze waar mogelijk 
zelf in de praktijk. Ook doet Defensie ervaring op met versnelde aankoop van materieel voor 
Oekraïne. Tot slot investeert Nederland in de opschaling van de industrie voor zowel Oekraïne als 
Europese krijgsmachten. Naar verwachting wordt tijdens de DMM een Memorandum of 
Understanding ondertekend om rechtstreeks te kunnen verwerven bij de Oekraïense defensie-
industrie volgens het Nederlandse model: government to business. Het beoogde doel hiervan is de 
Oekraïense productiecapaciteit te versterken en sneller militair materieel te leveren.  

 

Hoogachtend, 

DE MINISTER VAN DEFENSIE 

Ruben Brekelmans 


');

-- Documents the letter cites.

-- L43-46: "Tijdens de NAVO-top in Vilnius in 2023 (Kamerstuk 28 676, nr. 440) ...". We do not
-- hold this paper nor know its date or official title: the title only says why it is here.
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('kst-28676-440', 'kamerstuk', 'Kamerstuk 28 676, nr. 440',
        'Parliamentary paper cited by the letter of 21 May 2025 for the package of military plans and measures agreed at the NATO summit in Vilnius (2023)',
        NULL, NULL, NULL);

-- L67-69: "... de recent gepubliceerde Defensie Strategie voor Industrie en Innovatie
-- (Kamerbrief 2025 0404 van 4 april 2025)".
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('kamerbrief-2025-0404', 'strategy', 'Kamerbrief 2025 0404',
        'Defensie Strategie voor Industrie en Innovatie', '2025-04-04', NULL, NULL);

-- L105-106: "Op 7 mei tekenden Nederland en Roemenië een intentieverklaring over de oprichting
-- van het Ukraine Maintainer Training Center in Roemenië."
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('loi-nl-ro-2025-05-07', 'mou', NULL,
        'Letter of intent (intentieverklaring) of the Netherlands and Romania on establishing the Ukraine Maintainer Training Center in Romania',
        '2025-05-07', NULL, NULL);

-- L64-66: the Defence Production Action Plan, revised at the DMM of February 2025, its public
-- version was agreed at the DMM of June 2025 and released at the NSDIF (FACTS). Not dated:
-- it has had more than one version.
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('dpap', 'strategy', NULL, 'NATO Defence Production Action Plan (DPAP)', NULL, NULL, NULL);

-- Sources of FACTS.md. News reports are marked as such in their title: they are secondary.

-- FACTS, June 2025: the UDCG met on 4 June 2025 (report).
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('unn-2025-06-04', 'other', NULL,
        'unn.ua: "The Ramstein-format meeting has started" (news report)', '2025-06-04', NULL, NULL);

-- FACTS, June 2025: the DMM held on 5 June 2025, CT25 agreed.
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('nato-pc-2025-06-05', 'other', NULL,
        'NATO: press conference of the Secretary General, 5 June 2025', '2025-06-05',
        'https://www.nato.int/cps/en/natohq/opinions_235894.htm', NULL);

-- FACTS, June 2025: the NPG as the last session of the ministerial.
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('nato-npg-2025-06-05', 'other', NULL,
        'NATO release of 5 June 2025 on the Nuclear Planning Group (as reproduced by commonspace.eu)',
        '2025-06-05', NULL, NULL);

-- FACTS, June 2025: the Dutch results of the DMM (public DPAP, three agreements).
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('rijksoverheid-2025-06-06', 'other', NULL,
        'Rijksoverheid news of 6 June 2025 on the NATO defence ministers meeting in the run-up to the summit in The Hague',
        '2025-06-06',
        'https://www.rijksoverheid.nl/actueel/nieuws/2025/06/06/navo-ministers-spreken-over-doelen-in-aanloop-naar-top-in-den-haag',
        NULL);

-- FACTS, June 2025: the cabinet position for the summit (letter of 13 June 2025).
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('kst-28676-519', 'kamerstuk', 'Kamerstuk 28 676, nr. 519',
        'Letter to Parliament of 13 June 2025 setting out the cabinet position for the NATO summit in The Hague',
        '2025-06-13', NULL, NULL);

-- FACTS, June 2025: the NSDIF of 24 June 2025 and its deliverables.
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('defensie-nsdif', 'other', NULL,
        'Defensie: NATO Summit Defence Industry Forum, latest news', NULL,
        'https://english.defensie.nl/topics/nato-summit-defence-industry-forum/latest-news', NULL);

-- FACTS, June 2025: the working dinner of defence ministers on 24 June 2025 (report).
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('nato-summit-programme-2025', 'other', NULL,
        'NATO release on the programme of the 2025 summit in The Hague (news report)', NULL, NULL, NULL);

-- FACTS, June 2025: the summit held, the declaration adopted.
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('rijksoverheid-2025-06-26', 'other', NULL,
        'Rijksoverheid news of 26 June 2025 on the close of the NATO summit in The Hague', '2025-06-26',
        'https://www.rijksoverheid.nl/actueel/nieuws/2025/06/26/afsluiting-navo-top', NULL);

-- FACTS, June 2025: The Hague Summit Declaration of 25 June 2025.
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('hague-declaration-2025', 'declaration', NULL, 'The Hague Summit Declaration', '2025-06-25',
        NULL, NULL);

-- FACTS, earlier events: the DMM of 13 February 2025.
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('czech-delegation-2025-02-13', 'other', NULL,
        'Permanent Delegation of the Czech Republic to NATO: news of 13 February 2025 on the meeting of NATO defence ministers',
        '2025-02-13', NULL, NULL);

-- FACTS, earlier events: the Vilnius summit of 11-12 July 2023.
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('nato-vilnius-2023', 'other', NULL, 'NATO summit records: the Vilnius summit of 11-12 July 2023',
        NULL, NULL, NULL);

-- FACTS, later meetings: the DMM and UDCG of 15 October 2025, report letter of 12 November 2025.
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('kst-28676-554', 'kamerstuk', 'Kamerstuk 28 676, nr. 554',
        'Report letter of 12 November 2025 on the NATO defence ministers meeting of 15 October 2025',
        '2025-11-12', NULL, NULL);

-- FACTS, later meetings: the annotated agenda for February 2026 (its own date is not given).
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('kst-21501-28-296', 'kamerstuk', 'Kamerstuk 21 501-28, nr. 296',
        'Annotated agenda (geannoteerde agenda) for the meetings of EU and NATO defence ministers of 11 and 12 February 2026',
        NULL, NULL, NULL);

-- FACTS, later meetings: the next summit in Ankara (report).
INSERT INTO document (slug, kind, identifier, title, dated, url, body)
VALUES ('interfax-ankara-2026', 'other', NULL,
        'interfax.com.ua: the Secretary General announces the next NATO summit, in Ankara on 7-8 July 2026 (news report)',
        NULL, NULL, NULL);

-- ===========================================================================================
-- Meetings (parents before their children)
-- ===========================================================================================

-- The DMM itself. L17, held per FACTS (NATO press conference, Rijksoverheid 6 June 2025).
INSERT INTO meeting (slug, kind, title, title_nl, location, starts_on, ends_on, time_note, parent_id,
                     status, summary, outcome, source_id, source_quote)
VALUES ('dmm-2025-06', 'dmm', 'NATO Defence Ministers Meeting',
        'Bijeenkomst NAVO-ministers van Defensie', 'NATO HQ, Brussels', '2025-06-05', '2025-06-05',
        NULL, NULL, 'held',
        'Meeting of NATO defence ministers in Brussels, an important step towards the summit in The Hague. On the agenda: the Capability Targets 2025, progress on the military plans and the defence industry. Ministers also meet in the Nuclear Planning Group, and the Ukraine Defence Contact Group meets alongside.',
        'Ministers agreed the new set of capability targets (CT25). The Netherlands agreed to the public version of the Defence Production Action Plan and signed three agreements, one of them between the Dutch and Ukrainian defence ministers on cooperation with Ukraine''s defence industry.',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Op 5 juni 2025 komen de NAVO-ministers van Defensie in Brussel bijeen.');

-- L24: the NPG, FACTS: the last session of the ministerial.
INSERT INTO meeting (slug, kind, title, title_nl, location, starts_on, ends_on, time_note, parent_id,
                     status, summary, outcome, source_id, source_quote)
VALUES ('npg-2025-06', 'npg', 'Nuclear Planning Group', 'Nuclear Planning Group (NPG)',
        'NATO HQ, Brussels', '2025-06-05', '2025-06-05', 'last session of the ministerial',
        (SELECT id FROM meeting WHERE slug = 'dmm-2025-06'), 'held',
        'Defence ministers meet in the Nuclear Planning Group, where they periodically discuss NATO''s nuclear policy.',
        'The Nuclear Planning Group met on 5 June 2025 as the last session of the ministerial.',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'De ministers komen ook bijeen in de Nuclear Planning Group (NPG).');

-- L25-27: the letter only expects a UDCG ("naar verwachting"), FACTS (news report): it met on
-- 4 June 2025 at NATO HQ, its 28th meeting, the day before the DMM.
INSERT INTO meeting (slug, kind, title, title_nl, location, starts_on, ends_on, time_note, parent_id,
                     status, summary, outcome, source_id, source_quote)
VALUES ('udcg-2025-06', 'udcg', 'Ukraine Defence Contact Group', 'Ukraine Defence Contact Group (UDCG)',
        'NATO HQ, Brussels', '2025-06-04', '2025-06-04', NULL,
        (SELECT id FROM meeting WHERE slug = 'dmm-2025-06'), 'held',
        'Meeting of the Ukraine Defence Contact Group on continued support for Ukraine. The letter expected it around the DMM without giving its date.',
        'Met on 4 June 2025 at NATO HQ, Brussels, its 28th meeting, chaired jointly by the UK and German defence ministers (per a news report).',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Daarnaast zal er naar verwachting een bijeenkomst plaatsvinden van de Ukraine Defence Contact Group (UDCG) om te spreken over de voortzetting van de steun aan Oekraïne.');

-- L76, FACTS: held 24-25 June 2025 at the World Forum, The Hague (Rijksoverheid 26 June 2025).
INSERT INTO meeting (slug, kind, title, title_nl, location, starts_on, ends_on, time_note, parent_id,
                     status, summary, outcome, source_id, source_quote)
VALUES ('summit-2025-06', 'summit', 'NATO Summit in The Hague', 'NAVO-top in Den Haag',
        'World Forum, The Hague', '2025-06-24', '2025-06-25', NULL, NULL, 'held',
        'NATO summit in The Hague. The letter expected deterrence and defence and a new agreement on NATO defence spending to be its main topics.',
        'The Hague Summit Declaration (25 June 2025) commits allies to spending 5% of GDP a year by 2035: at least 3.5% on core defence and up to 1.5% on defence- and security-related spending, with annual plans and a review in 2029.',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Enkele weken na de DMM vindt op 24 en 25 juni de NAVO-top plaats in Den Haag.');

-- L76-78, FACTS: held 24 June 2025 in The Hague, hosted by the Dutch Minister of Defence (Defensie).
INSERT INTO meeting (slug, kind, title, title_nl, location, starts_on, ends_on, time_note, parent_id,
                     status, summary, outcome, source_id, source_quote)
VALUES ('forum-2025-06', 'forum', 'NATO Summit Defence Industry Forum',
        'NATO Summit Defence Industry Forum (NSDIF)', 'The Hague', '2025-06-24', '2025-06-24',
        'first day of the summit', (SELECT id FROM meeting WHERE slug = 'summit-2025-06'), 'held',
        'The main meeting between industry and NATO in summit week, organised by the Netherlands together with NATO: leaders of allies and partners meet industry leaders on strengthening transatlantic defence-industrial cooperation.',
        'Held on 24 June 2025 in The Hague, hosted by the Dutch Minister of Defence. Deliverables: the public release of the Defence Production Action Plan, DIANA declared fully operational, and a letter of intent of 12 allies on stockpiling critical raw materials.',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Op de eerste dag van de top organiseert Nederland samen met de NAVO het NATO Summit Defence Industry Forum (NSDIF).');

-- L83-84, FACTS (report): defence ministers held a working dinner on 24 June 2025.
INSERT INTO meeting (slug, kind, title, title_nl, location, starts_on, ends_on, time_note, parent_id,
                     status, summary, outcome, source_id, source_quote)
VALUES ('dinner-2025-06', 'dinner', 'Ministerial dinner of NATO defence ministers', 'Ministerieel diner',
        'The Hague', '2025-06-24', '2025-06-24', 'first evening of the summit',
        (SELECT id FROM meeting WHERE slug = 'summit-2025-06'), 'held',
        'The defence ministers come together for a ministerial dinner on the first evening of the summit.',
        'Defence ministers held a working dinner on 24 June 2025 during the summit (per a report of the NATO summit programme).',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Op de eerste avond van de NAVO-top komen de ministers van Defensie samen voor een ministerieel diner.');

-- Earlier events the letter cites.

-- L64, FACTS: 13 February 2025, Brussels (Czech Permanent Delegation to NATO).
INSERT INTO meeting (slug, kind, title, title_nl, location, starts_on, ends_on, time_note, parent_id,
                     status, summary, outcome, source_id, source_quote)
VALUES ('dmm-2025-02', 'dmm', 'NATO Defence Ministers Meeting', NULL, 'Brussels', '2025-02-13',
        '2025-02-13', NULL, NULL, 'held',
        'The previous meeting of NATO defence ministers, at which the Defence Production Action Plan (DPAP) was revised.',
        'The Defence Production Action Plan was revised, with commitments from the NATO Industrial Capacity Expansion pledge (per the letter of 21 May 2025).',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Tijdens de vorige DMM in februari 2025 is het Defence Production Action Plan (DPAP) herzien.');

-- L43-46, FACTS: 11-12 July 2023.
INSERT INTO meeting (slug, kind, title, title_nl, location, starts_on, ends_on, time_note, parent_id,
                     status, summary, outcome, source_id, source_quote)
VALUES ('summit-2023-07', 'summit', 'NATO Summit in Vilnius', 'NAVO-top in Vilnius', 'Vilnius',
        '2023-07-11', '2023-07-12', NULL, NULL, 'held',
        'NATO summit at which allies agreed a package of military plans and measures to strengthen the alliance''s deterrence and defence.',
        'Allies agreed a package of military plans and measures to strengthen deterrence and defence substantially, including the forces required and the timelines (per the letter of 21 May 2025).',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Tijdens de NAVO-top in Vilnius in 2023 (Kamerstuk 28 676, nr. 440) stemden bondgenoten in met een pakket militaire plannen en maatregelen om de bondgenootschappelijke afschrikking en verdediging aanzienlijk te versterken, inclusief de bijbehorende behoefte aan eenheden en tijdslijnen.');

-- L105-106: the letter gives the day, not the place.
INSERT INTO meeting (slug, kind, title, title_nl, location, starts_on, ends_on, time_note, parent_id,
                     status, summary, outcome, source_id, source_quote)
VALUES ('signing-2025-05', 'signing',
        'Signing of the Dutch-Romanian letter of intent on the Ukraine Maintainer Training Center', NULL,
        NULL, '2025-05-07', '2025-05-07', NULL, NULL, 'held',
        'The Netherlands and Romania signed a letter of intent on establishing the Ukraine Maintainer Training Center in Romania.',
        'Letter of intent signed (per the letter of 21 May 2025).',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Op 7 mei tekenden Nederland en Roemenië een intentieverklaring over de oprichting van het Ukraine Maintainer Training Center in Roemenië.');

-- Later meetings (FACTS), for a continuous timeline. Their sources are documents whose text we
-- do not hold: no quotes.

-- FACTS: DMM of 15 October 2025, Brussels, with a UDCG the same day (Kamerstuk 28 676, nr. 554).
INSERT INTO meeting (slug, kind, title, title_nl, location, starts_on, ends_on, time_note, parent_id,
                     status, summary, outcome, source_id, source_quote)
VALUES ('dmm-2025-10', 'dmm', 'NATO Defence Ministers Meeting', NULL, 'Brussels', '2025-10-15',
        '2025-10-15', NULL, NULL, 'held',
        'Meeting of NATO defence ministers in Brussels, with a meeting of the Ukraine Defence Contact Group the same day. Reported to Parliament by the letter of 12 November 2025 (Kamerstuk 28 676, nr. 554).',
        NULL, (SELECT id FROM document WHERE slug = 'kst-28676-554'), NULL);

-- FACTS: the UDCG the same day (its place is not given separately).
INSERT INTO meeting (slug, kind, title, title_nl, location, starts_on, ends_on, time_note, parent_id,
                     status, summary, outcome, source_id, source_quote)
VALUES ('udcg-2025-10', 'udcg', 'Ukraine Defence Contact Group', NULL, NULL, '2025-10-15', '2025-10-15',
        NULL, (SELECT id FROM meeting WHERE slug = 'dmm-2025-10'), 'held',
        'Meeting of the Ukraine Defence Contact Group on the day of the October 2025 DMM.', NULL,
        (SELECT id FROM document WHERE slug = 'kst-28676-554'), NULL);

-- FACTS: DMM of 12 February 2026, Brussels, with a UDCG, the source is an annotated agenda,
-- which looks ahead: planned, not held, until a report says so.
INSERT INTO meeting (slug, kind, title, title_nl, location, starts_on, ends_on, time_note, parent_id,
                     status, summary, outcome, source_id, source_quote)
VALUES ('dmm-2026-02', 'dmm', 'NATO Defence Ministers Meeting', NULL, 'Brussels', '2026-02-12',
        '2026-02-12', NULL, NULL, 'planned',
        'Meeting of NATO defence ministers in Brussels, with a meeting of the Ukraine Defence Contact Group, as announced in the annotated agenda Kamerstuk 21 501-28, nr. 296. No report on it is recorded yet.',
        NULL, (SELECT id FROM document WHERE slug = 'kst-21501-28-296'), NULL);

INSERT INTO meeting (slug, kind, title, title_nl, location, starts_on, ends_on, time_note, parent_id,
                     status, summary, outcome, source_id, source_quote)
VALUES ('udcg-2026-02', 'udcg', 'Ukraine Defence Contact Group', NULL, NULL, '2026-02-12', '2026-02-12',
        NULL, (SELECT id FROM meeting WHERE slug = 'dmm-2026-02'), 'planned',
        'Meeting of the Ukraine Defence Contact Group alongside the February 2026 DMM, as announced in the annotated agenda Kamerstuk 21 501-28, nr. 296. No report on it is recorded yet.',
        NULL, (SELECT id FROM document WHERE slug = 'kst-21501-28-296'), NULL);

-- FACTS: EU defence ministers on 11 February 2026 (place not given).
INSERT INTO meeting (slug, kind, title, title_nl, location, starts_on, ends_on, time_note, parent_id,
                     status, summary, outcome, source_id, source_quote)
VALUES ('other-2026-02', 'other', 'Meeting of EU defence ministers', NULL, NULL, '2026-02-11',
        '2026-02-11', NULL, NULL, 'planned',
        'Meeting of the defence ministers of the EU, the day before the NATO DMM, as announced in the annotated agenda Kamerstuk 21 501-28, nr. 296. No report on it is recorded yet.',
        NULL, (SELECT id FROM document WHERE slug = 'kst-21501-28-296'), NULL);

-- FACTS (report): the next summit, Ankara, 7-8 July 2026, announced on 19 August 2025.
INSERT INTO meeting (slug, kind, title, title_nl, location, starts_on, ends_on, time_note, parent_id,
                     status, summary, outcome, source_id, source_quote)
VALUES ('summit-2026-07', 'summit', 'NATO Summit in Ankara', NULL, 'Ankara', '2026-07-07',
        '2026-07-08', NULL, NULL, 'planned',
        'The next NATO summit, in Ankara, as announced by the Secretary General on 19 August 2025 (per a news report).',
        NULL, (SELECT id FROM document WHERE slug = 'interfax-ankara-2026'), NULL);

-- ===========================================================================================
-- Agenda items: every section heading of the letter, in its order (titles exactly as the
-- headings, without their trailing spaces), plus the NPG's topic from the DMM section.
-- dutch_position holds the letter's own sentences on the Dutch stance or contribution, and is
-- NULL where a section states none.
-- ===========================================================================================

-- L20-27, heading "Defence Ministers Meeting (DMM)".
INSERT INTO agenda_item (meeting_id, position, section, title, summary, dutch_position, outcome,
                         source_id, source_quote)
VALUES ((SELECT id FROM meeting WHERE slug = 'dmm-2025-06'), 1, 'Defence Ministers Meeting (DMM)',
        'Defence Ministers Meeting (DMM)',
        'The DMM is about strengthening the deterrence and defence of the alliance and is an important step towards the NATO summit in The Hague on 24-25 June 2025. Ministers also meet in the Nuclear Planning Group, and a meeting of the Ukraine Defence Contact Group is expected.',
        NULL,
        'Held on 5 June 2025 at NATO HQ, Brussels, with the Nuclear Planning Group as its last session. The Ukraine Defence Contact Group met the day before.',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'De DMM staat in het teken van de versterking van de afschrikking en verdediging van het NAVO-bondgenootschap. Deze bijeenkomst is een belangrijke opmaat naar de NAVO-top in Den Haag op 24 en 25 juni 2025.');

-- L29-37, section "Afschrikking en verdediging", heading "Capability Targets 2025 (CT25)".
-- The section states no Dutch position.
INSERT INTO agenda_item (meeting_id, position, section, title, summary, dutch_position, outcome,
                         source_id, source_quote)
VALUES ((SELECT id FROM meeting WHERE slug = 'dmm-2025-06'), 2, 'Afschrikking en verdediging',
        'Capability Targets 2025 (CT25)',
        'The ministers are to adopt the Capability Targets 2025 formally. They are based on the concrete operational needs of the new set of plans and require investment by all allies.',
        NULL,
        'Ministers agreed the new set of capability targets (CT25).',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'De Capability Targets 2025 (CT25) zijn deze DMM een belangrijk onderwerp. Tijdens de DMM zullen de CT25 formeel door de ministers van Defensie worden vastgelegd.');

-- L39-60, same section, heading "Voortgang implementatie militaire plannen en maatregelen".
-- No Dutch position stated, FACTS says nothing of its outcome.
INSERT INTO agenda_item (meeting_id, position, section, title, summary, dutch_position, outcome,
                         source_id, source_quote)
VALUES ((SELECT id FROM meeting WHERE slug = 'dmm-2025-06'), 3, 'Afschrikking en verdediging',
        'Voortgang implementatie militaire plannen en maatregelen',
        'Progress in implementing the regional plans for deterrence and defence agreed in Vilnius in 2023: modernising command and control, raising readiness, logistic support. Also the Integrated Air and Missile Defence architecture, NATO''s new counter-hybrid strategy, a progress report on the Space Policy and proposed guidance for civil planning.',
        NULL, NULL,
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'De ministers bespreken tijdens de DMM de voortgang van de implementatie van de plannen voor bondgenootschappelijke afschrikking en verdediging, en gaan onder andere in op modernisering van de command & control, verhoging van de gereedheid, en logistieke ondersteuning.');

-- L62-72, heading "Defensie-industrie", outcome per FACTS (Rijksoverheid 6 June 2025).
INSERT INTO agenda_item (meeting_id, position, section, title, summary, dutch_position, outcome,
                         source_id, source_quote)
VALUES ((SELECT id FROM meeting WHERE slug = 'dmm-2025-06'), 4, 'Defensie-industrie',
        'Defensie-industrie',
        'The Defence Production Action Plan, revised in February 2025, contains commitments from the NATO Industrial Capacity Expansion pledge to invest more in national defence production capacity. The ministers look ahead to the discussion of the defence industry at the summit.',
        'Nederland geeft hier mede invulling aan door middel van de recent gepubliceerde Defensie Strategie voor Industrie en Innovatie (Kamerbrief 2025 0404 van 4 april 2025). Om publiek-private samenwerking te versterken is onlangs het platform Defport gelanceerd. Het doel van Defport is het stimuleren van versnelde innovatie en productie van militair materieel.',
        'The Netherlands agreed to the public version of the Defence Production Action Plan.',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Tijdens de vorige DMM in februari 2025 is het Defence Production Action Plan (DPAP) herzien. De geactualiseerde versie bevat toezeggingen uit de NATO Industrial Capacity Expansion-pledge, een politieke afspraak tussen alle bondgenoten om extra te investeren in de nationale defensie-productiecapaciteit.');

-- L74-86, heading "NAVO-top". The cabinet's position on spending (Kamerstuk 28 676, nr. 519, per
-- FACTS) is linked below as 'position' and recorded as commitment c-2025-016: it is not the
-- letter's text, so it stays out of dutch_position.
INSERT INTO agenda_item (meeting_id, position, section, title, summary, dutch_position, outcome,
                         source_id, source_quote)
VALUES ((SELECT id FROM meeting WHERE slug = 'summit-2025-06'), 1, 'NAVO-top', 'NAVO-top',
        'The summit in The Hague on 24-25 June 2025, with the NATO Summit Defence Industry Forum on its first day and a ministerial dinner on its first evening. Deterrence and defence and a new agreement on NATO defence spending were expected to be the main topics. Cabinet position (Kamerstuk 28 676, nr. 519): follow the Secretary General''s proposal of 5% of GDP, 3.5% core defence plus 1.5% wider security investment.',
        'Op de eerste dag van de top organiseert Nederland samen met de NAVO het NATO Summit Defence Industry Forum (NSDIF).',
        'The Hague Summit Declaration (25 June 2025) commits allies to 5% of GDP a year by 2035: at least 3.5% on core defence and up to 1.5% on defence- and security-related spending, with annual plans and a review in 2029.',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Hoewel de agenda van de NAVO-top nog niet bekend is, is het de verwachting dat afschrikking en verdediging en een nieuwe afspraak over NAVO-defensie uitgaven belangrijke onderwerpen zijn tijdens de NAVO-top.');

-- L88-113, heading "Oekraïne (UDCG)". The Dutch position is the section's first paragraph.
INSERT INTO agenda_item (meeting_id, position, section, title, summary, dutch_position, outcome,
                         source_id, source_quote)
VALUES ((SELECT id FROM meeting WHERE slug = 'udcg-2025-06'), 1, 'Oekraïne (UDCG)', 'Oekraïne (UDCG)',
        'Continued Dutch military support to Ukraine: acceleration measures let part of the additional EUR 3.5 billion for 2026 be delivered in 2025, and the Netherlands calls on allies and partners to intensify their support. It keeps a leading role on specific themes (co-lead of the Air Force Capability Coalition for the F-16), invests in scaling up industry, and expects to sign at the DMM a memorandum of understanding on buying directly from Ukraine''s defence industry.',
        'Nederland zet de militaire steun aan Oekraïne onverminderd voort. Om de steun aan Oekraïne zo snel en effectief mogelijk te blijven leveren heeft Defensie verschillende versnellingsmaatregelen getroffen. Hierdoor kan Nederland een deel van de toezegde additionele steun van €3,5 miljard in 2026 al in 2025 leveren. Hierbij wordt onder andere gebruik gemaakt van efficiëntere aanbestedingsprocedures, zoals directe gunning bij één partij voor verwervingstrajecten. Nederland zal tijdens de UDCG de bondgenoten en partners oproepen om ook hun steun aan Oekraïne te intensiveren.',
        'The UDCG met on 4 June 2025 at NATO HQ, Brussels, its 28th meeting, chaired jointly by the UK and German defence ministers (per a news report). At the DMM the next day the Dutch and Ukrainian defence ministers signed an agreement on cooperation with Ukraine''s defence industry.',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Nederland zet de militaire steun aan Oekraïne onverminderd voort.');

-- L24-25: the NPG's subject, from the DMM section (not a heading of its own).
INSERT INTO agenda_item (meeting_id, position, section, title, summary, dutch_position, outcome,
                         source_id, source_quote)
VALUES ((SELECT id FROM meeting WHERE slug = 'npg-2025-06'), 1, 'Defence Ministers Meeting (DMM)',
        'Nucleair beleid van de NAVO',
        'In the Nuclear Planning Group the defence ministers periodically discuss NATO''s nuclear policy.',
        NULL,
        'The Nuclear Planning Group met on 5 June 2025 as the last session of the ministerial.',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'In de NPG spreken de ministers van Defensie periodiek over het nucleaire beleid van de NAVO.');

-- ===========================================================================================
-- Topics
-- ===========================================================================================

INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')), 'deterrence');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')), 'summit');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 2
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')), 'capabilities');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 2
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')), 'deterrence');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 3
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')), 'deterrence');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 3
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')), 'iamd');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 3
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')), 'hybrid');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 3
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')), 'space');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 4
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')), 'industry');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 4
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')), 'innovation');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'summit-2025-06')), 'summit');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'summit-2025-06')), 'deterrence');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'summit-2025-06')), 'spending');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'summit-2025-06')), 'industry');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'udcg-2025-06')), 'ukraine');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'udcg-2025-06')), 'industry');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'udcg-2025-06')), 'innovation');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'npg-2025-06')), 'nuclear');
INSERT INTO agenda_item_topic (agenda_item_id, topic)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'npg-2025-06')), 'deterrence');

-- ===========================================================================================
-- Commitments: c-2025-001 to c-2025-015 in the order of the letter, then the two from FACTS.
-- due is given only where the source gives one, at the precision it gives.
-- ===========================================================================================

-- L25-27 (DMM section). The letter names the month of the ministerial, not the UDCG's day.
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-001',
        'A meeting of the Ukraine Defence Contact Group is expected around the DMM, on continued support for Ukraine.',
        'Ukraine Defence Contact Group', 'expected', (SELECT id FROM meeting WHERE slug = 'udcg-2025-06'),
        NULL, '2025-06', 'month', '2025-06-30', NULL, NULL, 'fulfilled',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Daarnaast zal er naar verwachting een bijeenkomst plaatsvinden van de Ukraine Defence Contact Group (UDCG) om te spreken over de voortzetting van de steun aan Oekraïne.');

-- L33-34 (CT25).
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-002', 'The defence ministers formally adopt the Capability Targets 2025 (CT25) at the DMM.',
        'Ministers van Defensie', 'expected', (SELECT id FROM meeting WHERE slug = 'dmm-2025-06'),
        (SELECT id FROM agenda_item WHERE position = 2
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')),
        '2025-06-05', 'day', '2025-06-05', NULL, NULL, 'fulfilled',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Tijdens de DMM zullen de CT25 formeel door de ministers van Defensie worden vastgelegd.');

-- L67-69 (Defensie-industrie).
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-003',
        'The Netherlands contributes to the NATO Industrial Capacity Expansion pledge through its Defensie Strategie voor Industrie en Innovatie.',
        'Nederland', 'position', (SELECT id FROM meeting WHERE slug = 'dmm-2025-06'),
        (SELECT id FROM agenda_item WHERE position = 4
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')),
        NULL, NULL, NULL, NULL, NULL, 'open',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Nederland geeft hier mede invulling aan door middel van de recent gepubliceerde Defensie Strategie voor Industrie en Innovatie (Kamerbrief 2025 0404 van 4 april 2025).');

-- L76-78 (NAVO-top). The first day of the summit of 24 and 25 June (L76) is 24 June.
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-004',
        'The Netherlands organises the NATO Summit Defence Industry Forum together with NATO on the first day of the summit.',
        'Nederland', 'pledge', (SELECT id FROM meeting WHERE slug = 'forum-2025-06'), NULL,
        '2025-06-24', 'day', '2025-06-24', NULL, NULL, 'fulfilled',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Op de eerste dag van de top organiseert Nederland samen met de NAVO het NATO Summit Defence Industry Forum (NSDIF).');

-- L84-86 (NAVO-top). Due by the summit's last day.
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-005',
        'Deterrence and defence and a new agreement on NATO defence spending are expected to be the main topics of the summit.',
        'Bondgenoten', 'expected', (SELECT id FROM meeting WHERE slug = 'summit-2025-06'),
        (SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'summit-2025-06')),
        '2025-06-25', 'day', '2025-06-25', NULL, NULL, 'fulfilled',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Hoewel de agenda van de NAVO-top nog niet bekend is, is het de verwachting dat afschrikking en verdediging en een nieuwe afspraak over NAVO-defensie uitgaven belangrijke onderwerpen zijn tijdens de NAVO-top.');

-- L90 (Oekraïne). Ongoing: no due date.
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-006', 'The Netherlands continues its military support to Ukraine undiminished.',
        'Nederland', 'pledge', (SELECT id FROM meeting WHERE slug = 'udcg-2025-06'),
        (SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'udcg-2025-06')),
        NULL, NULL, NULL, NULL, NULL, 'open',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Nederland zet de militaire steun aan Oekraïne onverminderd voort.');

-- L92-93. The amount is the additional support pledged for 2026, part of which is to be
-- delivered in 2025. Its delivery is not verified (FACTS): it stays open.
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-007',
        'The Netherlands delivers part of the additional EUR 3.5 billion of support to Ukraine pledged for 2026 already in 2025.',
        'Nederland', 'pledge', (SELECT id FROM meeting WHERE slug = 'udcg-2025-06'),
        (SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'udcg-2025-06')),
        '2025', 'year', '2025-12-31', '3500000000', 'EUR', 'open',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Hierdoor kan Nederland een deel van de toezegde additionele steun van €3,5 miljard in 2026 al in 2025 leveren.');

-- L94-96. At the UDCG, whose day the letter does not give: due in the month of the ministerial.
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-008',
        'At the UDCG the Netherlands calls on allies and partners to intensify their support to Ukraine too.',
        'Nederland', 'pledge', (SELECT id FROM meeting WHERE slug = 'udcg-2025-06'),
        (SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'udcg-2025-06')),
        '2025-06', 'month', '2025-06-30', NULL, NULL, 'open',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Nederland zal tijdens de UDCG de bondgenoten en partners oproepen om ook hun steun aan Oekraïne te intensiveren.');

-- L98.
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-009',
        'The Netherlands keeps a leading role on specific themes and capabilities in the support to Ukraine.',
        'Nederland', 'position', (SELECT id FROM meeting WHERE slug = 'udcg-2025-06'),
        (SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'udcg-2025-06')),
        NULL, NULL, NULL, NULL, NULL, 'open',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Op specifieke thema’s en capaciteiten blijft Nederland een voortrekkersrol vervullen.');

-- L98-100.
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-010',
        'Dutch support focuses on sustaining, and training on, the weapon systems the Netherlands has delivered, with a special focus on innovation.',
        'Nederland', 'position', (SELECT id FROM meeting WHERE slug = 'udcg-2025-06'),
        (SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'udcg-2025-06')),
        NULL, NULL, NULL, NULL, NULL, 'open',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'De focus van de Nederlandse steun ligt op de instandhouding en voortzettingsvermogen van, en training op, de door Nederland geleverde wapensystemen. Daarbij ligt een speciale focus op innovatie.');

-- L100-103.
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-011',
        'Besides short-term support, the Netherlands works with international partners in Capability Coalitions on the long-term development and modernisation of Ukraine''s armed forces.',
        'Nederland', 'position', (SELECT id FROM meeting WHERE slug = 'udcg-2025-06'),
        (SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'udcg-2025-06')),
        NULL, NULL, NULL, NULL, NULL, 'open',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Naast steun op de korte termijn werkt Nederland met internationale partners ook aan de ontwikkeling en modernisering van de Oekraïense krijgsmacht op de lange termijn. Dit gebeurt in internationale Capability Coalitions.');

-- L103-105.
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-012',
        'As co-lead of the Air Force Capability Coalition, the Netherlands works with partners to strengthen further its F-16 support to Ukraine.',
        'Nederland', 'position', (SELECT id FROM meeting WHERE slug = 'udcg-2025-06'),
        (SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'udcg-2025-06')),
        NULL, NULL, NULL, NULL, NULL, 'open',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Zo werkt Nederland samen met verschillende partners in de internationale Air Force Capability Coalition, waar Nederland co-leider van is, om de Nederlandse F-16 steun aan Oekraïne verder te versterken.');

-- L107-108.
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-013',
        'Defence draws lessons from the war and from the military support to Ukraine and puts them into practice itself where possible.',
        'Defensie', 'position', (SELECT id FROM meeting WHERE slug = 'udcg-2025-06'),
        (SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'udcg-2025-06')),
        NULL, NULL, NULL, NULL, NULL, 'open',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Defensie trekt lessen uit de oorlog en de militaire steun aan Oekraïne en brengt deze waar mogelijk zelf in de praktijk.');

-- L109-110.
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-014',
        'The Netherlands invests in scaling up the industry for both Ukraine and European armed forces.',
        'Nederland', 'position', (SELECT id FROM meeting WHERE slug = 'udcg-2025-06'),
        (SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'udcg-2025-06')),
        NULL, NULL, NULL, NULL, NULL, 'open',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Tot slot investeert Nederland in de opschaling van de industrie voor zowel Oekraïne als Europese krijgsmachten.');

-- L110-113. In the Oekraïne section, but to be signed at the DMM: the DMM's, with no item
-- (an item must belong to the commitment's own meeting).
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-015',
        'A memorandum of understanding is expected to be signed at the DMM so that the Netherlands can buy directly from Ukraine''s defence industry (government to business), to strengthen Ukraine''s production capacity and deliver materiel faster.',
        'Nederland', 'expected', (SELECT id FROM meeting WHERE slug = 'dmm-2025-06'), NULL,
        '2025-06-05', 'day', '2025-06-05', NULL, NULL, 'fulfilled',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'),
        'Naar verwachting wordt tijdens de DMM een Memorandum of Understanding ondertekend om rechtstreeks te kunnen verwerven bij de Oekraïense defensie-industrie volgens het Nederlandse model: government to business. Het beoogde doel hiervan is de Oekraïense productiecapaciteit te versterken en sneller militair materieel te leveren.');

-- FACTS: the cabinet position for the summit (Kamerstuk 28 676, nr. 519). We do not hold its
-- text: no quote.
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-016',
        'The cabinet follows the Secretary General''s proposal of 5% of GDP: 3.5% for core defence plus 1.5% for wider security investment.',
        'Nederland', 'position', (SELECT id FROM meeting WHERE slug = 'summit-2025-06'),
        (SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'summit-2025-06')),
        NULL, NULL, NULL, NULL, NULL, 'open',
        (SELECT id FROM document WHERE slug = 'kst-28676-519'), NULL);

-- FACTS: The Hague Summit Declaration. A percentage is not money: no amount.
INSERT INTO commitment (ref, text, actor, kind, meeting_id, agenda_item_id, due, due_precision,
                        due_end, amount, currency, status, source_id, source_quote)
VALUES ('c-2025-017',
        'Allies commit to spending 5% of GDP a year by 2035: at least 3.5% on core defence and up to 1.5% on defence- and security-related spending, with annual plans and a review in 2029.',
        'Bondgenoten (waaronder Nederland)', 'pledge',
        (SELECT id FROM meeting WHERE slug = 'summit-2025-06'),
        (SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'summit-2025-06')),
        '2035', 'year', '2035-12-31', NULL, NULL, 'open',
        (SELECT id FROM document WHERE slug = 'hague-declaration-2025'), NULL);

-- ===========================================================================================
-- Status history. Every commitment starts 'open' on the date of its source document, changes
-- follow FACTS only, each citing its source. A commitment's status is its last event's.
-- ===========================================================================================

INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-001'), '2025-05-21', NULL, 'open',
        'Recorded from the letter of 21 May 2025 (letter-2025-05-21)', 'seed',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'));
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-002'), '2025-05-21', NULL, 'open',
        'Recorded from the letter of 21 May 2025 (letter-2025-05-21)', 'seed',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'));
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-003'), '2025-05-21', NULL, 'open',
        'Recorded from the letter of 21 May 2025 (letter-2025-05-21)', 'seed',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'));
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-004'), '2025-05-21', NULL, 'open',
        'Recorded from the letter of 21 May 2025 (letter-2025-05-21)', 'seed',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'));
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-005'), '2025-05-21', NULL, 'open',
        'Recorded from the letter of 21 May 2025 (letter-2025-05-21)', 'seed',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'));
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-006'), '2025-05-21', NULL, 'open',
        'Recorded from the letter of 21 May 2025 (letter-2025-05-21)', 'seed',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'));
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-007'), '2025-05-21', NULL, 'open',
        'Recorded from the letter of 21 May 2025 (letter-2025-05-21)', 'seed',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'));
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-008'), '2025-05-21', NULL, 'open',
        'Recorded from the letter of 21 May 2025 (letter-2025-05-21)', 'seed',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'));
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-009'), '2025-05-21', NULL, 'open',
        'Recorded from the letter of 21 May 2025 (letter-2025-05-21)', 'seed',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'));
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-010'), '2025-05-21', NULL, 'open',
        'Recorded from the letter of 21 May 2025 (letter-2025-05-21)', 'seed',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'));
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-011'), '2025-05-21', NULL, 'open',
        'Recorded from the letter of 21 May 2025 (letter-2025-05-21)', 'seed',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'));
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-012'), '2025-05-21', NULL, 'open',
        'Recorded from the letter of 21 May 2025 (letter-2025-05-21)', 'seed',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'));
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-013'), '2025-05-21', NULL, 'open',
        'Recorded from the letter of 21 May 2025 (letter-2025-05-21)', 'seed',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'));
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-014'), '2025-05-21', NULL, 'open',
        'Recorded from the letter of 21 May 2025 (letter-2025-05-21)', 'seed',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'));
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-015'), '2025-05-21', NULL, 'open',
        'Recorded from the letter of 21 May 2025 (letter-2025-05-21)', 'seed',
        (SELECT id FROM document WHERE slug = 'letter-2025-05-21'));
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-016'), '2025-06-13', NULL, 'open',
        'Recorded from Kamerstuk 28 676, nr. 519 of 13 June 2025 (kst-28676-519)', 'seed',
        (SELECT id FROM document WHERE slug = 'kst-28676-519'));
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-017'), '2025-06-25', NULL, 'open',
        'Recorded from The Hague Summit Declaration of 25 June 2025 (hague-declaration-2025)', 'seed',
        (SELECT id FROM document WHERE slug = 'hague-declaration-2025'));

-- The changes FACTS settles, in time order.

-- FACTS (report): the UDCG met on 4 June 2025.
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-001'), '2025-06-04', 'open', 'fulfilled',
        'The UDCG met on 4 June 2025 at NATO HQ, Brussels (its 28th meeting), chaired jointly by the UK and German defence ministers (news report).',
        'seed (FACTS.md)', (SELECT id FROM document WHERE slug = 'unn-2025-06-04'));

-- FACTS: the DMM agreed CT25 (NATO press conference, 5 June 2025).
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-002'), '2025-06-05', 'open', 'fulfilled',
        'At the DMM of 5 June 2025 the ministers agreed the new set of capability targets (CT25).',
        'seed (FACTS.md)', (SELECT id FROM document WHERE slug = 'nato-pc-2025-06-05'));

-- FACTS: the agreement with Ukraine on defence-industry cooperation (Rijksoverheid, 6 June 2025).
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-015'), '2025-06-05', 'open', 'fulfilled',
        'At the DMM of 5 June 2025 the Dutch and Ukrainian defence ministers signed an agreement on cooperation with Ukraine''s defence industry (reported by Rijksoverheid on 6 June 2025).',
        'seed (FACTS.md)', (SELECT id FROM document WHERE slug = 'rijksoverheid-2025-06-06'));

-- FACTS: the NSDIF held on 24 June 2025 (Defensie).
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-004'), '2025-06-24', 'open', 'fulfilled',
        'The NATO Summit Defence Industry Forum was held on 24 June 2025 in The Hague, hosted by the Dutch Minister of Defence.',
        'seed (FACTS.md)', (SELECT id FROM document WHERE slug = 'defensie-nsdif'));

-- FACTS: the summit agreed a new defence-spending commitment (Rijksoverheid, 26 June 2025).
INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note, author, source_id)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-005'), '2025-06-25', 'open', 'fulfilled',
        'The summit adopted The Hague Summit Declaration on 25 June 2025 with a new defence-spending commitment: 5% of GDP a year by 2035 (reported by Rijksoverheid on 26 June 2025).',
        'seed (FACTS.md)', (SELECT id FROM document WHERE slug = 'rijksoverheid-2025-06-26'));

-- ===========================================================================================
-- Links between records and documents other than their own source.
-- cites = the source cites it, position = states the Dutch position,
-- outcome = reports how it turned out, related = background.
-- ===========================================================================================

INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'dmm-2025-06'),
        (SELECT id FROM document WHERE slug = 'nato-pc-2025-06-05'), 'outcome');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'dmm-2025-06'),
        (SELECT id FROM document WHERE slug = 'rijksoverheid-2025-06-06'), 'outcome');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'dmm-2025-06'),
        (SELECT id FROM document WHERE slug = 'dpap'), 'related');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'npg-2025-06'),
        (SELECT id FROM document WHERE slug = 'nato-npg-2025-06-05'), 'outcome');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'udcg-2025-06'),
        (SELECT id FROM document WHERE slug = 'unn-2025-06-04'), 'outcome');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'summit-2025-06'),
        (SELECT id FROM document WHERE slug = 'kst-28676-519'), 'position');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'summit-2025-06'),
        (SELECT id FROM document WHERE slug = 'hague-declaration-2025'), 'outcome');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'summit-2025-06'),
        (SELECT id FROM document WHERE slug = 'rijksoverheid-2025-06-26'), 'outcome');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'summit-2025-06'),
        (SELECT id FROM document WHERE slug = 'nato-summit-programme-2025'), 'related');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'forum-2025-06'),
        (SELECT id FROM document WHERE slug = 'defensie-nsdif'), 'outcome');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'forum-2025-06'),
        (SELECT id FROM document WHERE slug = 'dpap'), 'related');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'dinner-2025-06'),
        (SELECT id FROM document WHERE slug = 'nato-summit-programme-2025'), 'outcome');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'dmm-2025-02'),
        (SELECT id FROM document WHERE slug = 'czech-delegation-2025-02-13'), 'outcome');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'dmm-2025-02'),
        (SELECT id FROM document WHERE slug = 'dpap'), 'related');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'summit-2023-07'),
        (SELECT id FROM document WHERE slug = 'kst-28676-440'), 'cites');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'summit-2023-07'),
        (SELECT id FROM document WHERE slug = 'nato-vilnius-2023'), 'outcome');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'signing-2025-05'),
        (SELECT id FROM document WHERE slug = 'loi-nl-ro-2025-05-07'), 'cites');
-- The udcg-2025-10 record takes its source from the report on its parent DMM: the report
-- covers it too.
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'dmm-2025-10'),
        (SELECT id FROM document WHERE slug = 'kst-28676-554'), 'outcome');
INSERT INTO meeting_document (meeting_id, document_id, relation)
VALUES ((SELECT id FROM meeting WHERE slug = 'udcg-2025-10'),
        (SELECT id FROM document WHERE slug = 'kst-28676-554'), 'outcome');

INSERT INTO agenda_item_document (agenda_item_id, document_id, relation)
VALUES ((SELECT id FROM agenda_item WHERE position = 2
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')),
        (SELECT id FROM document WHERE slug = 'nato-pc-2025-06-05'), 'outcome');
INSERT INTO agenda_item_document (agenda_item_id, document_id, relation)
VALUES ((SELECT id FROM agenda_item WHERE position = 3
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')),
        (SELECT id FROM document WHERE slug = 'kst-28676-440'), 'cites');
INSERT INTO agenda_item_document (agenda_item_id, document_id, relation)
VALUES ((SELECT id FROM agenda_item WHERE position = 4
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')),
        (SELECT id FROM document WHERE slug = 'dpap'), 'cites');
INSERT INTO agenda_item_document (agenda_item_id, document_id, relation)
VALUES ((SELECT id FROM agenda_item WHERE position = 4
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')),
        (SELECT id FROM document WHERE slug = 'kamerbrief-2025-0404'), 'position');
INSERT INTO agenda_item_document (agenda_item_id, document_id, relation)
VALUES ((SELECT id FROM agenda_item WHERE position = 4
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')),
        (SELECT id FROM document WHERE slug = 'rijksoverheid-2025-06-06'), 'outcome');
INSERT INTO agenda_item_document (agenda_item_id, document_id, relation)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'summit-2025-06')),
        (SELECT id FROM document WHERE slug = 'kst-28676-519'), 'position');
INSERT INTO agenda_item_document (agenda_item_id, document_id, relation)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'summit-2025-06')),
        (SELECT id FROM document WHERE slug = 'hague-declaration-2025'), 'outcome');
INSERT INTO agenda_item_document (agenda_item_id, document_id, relation)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'summit-2025-06')),
        (SELECT id FROM document WHERE slug = 'rijksoverheid-2025-06-26'), 'outcome');
INSERT INTO agenda_item_document (agenda_item_id, document_id, relation)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'udcg-2025-06')),
        (SELECT id FROM document WHERE slug = 'unn-2025-06-04'), 'outcome');
INSERT INTO agenda_item_document (agenda_item_id, document_id, relation)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'udcg-2025-06')),
        (SELECT id FROM document WHERE slug = 'rijksoverheid-2025-06-06'), 'outcome');
INSERT INTO agenda_item_document (agenda_item_id, document_id, relation)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'udcg-2025-06')),
        (SELECT id FROM document WHERE slug = 'loi-nl-ro-2025-05-07'), 'cites');
INSERT INTO agenda_item_document (agenda_item_id, document_id, relation)
VALUES ((SELECT id FROM agenda_item WHERE position = 1
         AND meeting_id = (SELECT id FROM meeting WHERE slug = 'npg-2025-06')),
        (SELECT id FROM document WHERE slug = 'nato-npg-2025-06-05'), 'outcome');

INSERT INTO commitment_document (commitment_id, document_id, relation)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-001'),
        (SELECT id FROM document WHERE slug = 'unn-2025-06-04'), 'outcome');
INSERT INTO commitment_document (commitment_id, document_id, relation)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-002'),
        (SELECT id FROM document WHERE slug = 'nato-pc-2025-06-05'), 'outcome');
INSERT INTO commitment_document (commitment_id, document_id, relation)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-003'),
        (SELECT id FROM document WHERE slug = 'kamerbrief-2025-0404'), 'cites');
INSERT INTO commitment_document (commitment_id, document_id, relation)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-004'),
        (SELECT id FROM document WHERE slug = 'defensie-nsdif'), 'outcome');
INSERT INTO commitment_document (commitment_id, document_id, relation)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-005'),
        (SELECT id FROM document WHERE slug = 'rijksoverheid-2025-06-26'), 'outcome');
INSERT INTO commitment_document (commitment_id, document_id, relation)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-005'),
        (SELECT id FROM document WHERE slug = 'hague-declaration-2025'), 'outcome');
INSERT INTO commitment_document (commitment_id, document_id, relation)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-010'),
        (SELECT id FROM document WHERE slug = 'loi-nl-ro-2025-05-07'), 'related');
INSERT INTO commitment_document (commitment_id, document_id, relation)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-015'),
        (SELECT id FROM document WHERE slug = 'rijksoverheid-2025-06-06'), 'outcome');
INSERT INTO commitment_document (commitment_id, document_id, relation)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-016'),
        (SELECT id FROM document WHERE slug = 'hague-declaration-2025'), 'related');
INSERT INTO commitment_document (commitment_id, document_id, relation)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-017'),
        (SELECT id FROM document WHERE slug = 'rijksoverheid-2025-06-26'), 'related');
INSERT INTO commitment_document (commitment_id, document_id, relation)
VALUES ((SELECT id FROM commitment WHERE ref = 'c-2025-017'),
        (SELECT id FROM document WHERE slug = 'kst-28676-519'), 'position');
