"""Lexicons per grid code: the grid's definitions (seed 004, annexe 3) turned into cues.

Each entry is a list of alternatives on accent-folded lowercase text; in an alternative,
words are separated by spaces, a trailing ``*`` lets a word continue (``depist*``
matches « dépistage », « dépister ») and a trailing ``?`` makes the last letter optional.
The learned model receives one feature per code and field from these matches and weighs
them; the matches are also the words shown to the user as the evidence for a suggestion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from clsante.grille.referentiel import grille

LEXIQUE: dict[str, dict[str, str]] = {
    "determinants": {
        "socio_economique": "inegalites sociales*|pauvrete|insertion sociale",
        "socio_economique.revenu": (
            "revenu*|pauvrete|pouvoir d achat|minima sociaux|rsa|aide* financiere*|"
            "budget des menages|ressources financieres|precarite financiere"
        ),
        "socio_economique.education": (
            "decrochage scolaire|reussite educative|reussite scolaire|illettrisme|"
            "alphabetisation|soutien scolaire|niveau d education|scolarisation|"
            "savoirs de base|francais langue etrangere|cours de francais"
        ),
        "conditions_vie": "conditions de vie|cadre de vie|milieu de vie",
        "conditions_vie.travail": (
            "conditions de travail|sante au travail|qualite de vie au travail|"
            "risques professionnels|troubles musculo*|souffrance au travail|"
            "medecine du travail|agents de la collectivite|salaries|lieu de travail|"
            "risques psychosociaux|postes de travail|entreprise*"
        ),
        "conditions_vie.environnement_physique": (
            "environnement*|perturbateur* endocrinien*|pesticide*|bruit|nuisance*|"
            "moustique* tigre*|moustique*|ambroisie|pollen*|canicule*|vague* de chaleur|"
            "radon|amiante|polluant*|pollution*|substances chimiques|ilot* de chaleur|"
            "sante environnement*|sante environnementale|chimique*|ondes|rechauffement|"
            "climat*|tiques|lyme|chenilles processionnaires|produits menagers|cosmetique*"
        ),
        "conditions_vie.environnement_physique.air": (
            "qualite de l air|air exterieur|pollution de l air|pollution atmospherique|"
            "particules fines|pollen*|ambroisie|allergie* respiratoire*|capteur*|"
            "brulage|chauffage au bois|atmo"
        ),
        "conditions_vie.environnement_physique.sol": (
            "sols|sol pollue*|sites pollues|friche*|jardins potagers|terres|metaux lourds"
        ),
        "conditions_vie.environnement_physique.eau": (
            "eau potable|qualite de l eau|eaux|baignade*|legionel*|assainissement|"
            "captage*|piscine*|point* d eau|fontaine*"
        ),
        "conditions_vie.environnement_physique.logement": (
            "habitat indigne|logement* indigne*|insalubr*|saturnisme|plomb|air interieur|"
            "humidite|moisissure*|precarite energetique|monoxyde de carbone|punaise* de lit|"
            "marchand* de sommeil|renovation energetique|incurie|logement* degrade*|"
            "habitat degrade|peril|suroccupation|logement* energivore*|passoire* thermique*|"
            "conseiller* medical* en environnement interieur|cmei|radon"
        ),
        "conditions_vie.environnement_physique.transports_amenagement": (
            "urbanisme|amenagement* urbain*|amenagement du territoire|mobilite* douce*|"
            "mobilite*|transport*|piste* cyclable*|cadre de vie|espace* vert*|voirie|"
            "plu|plan local d urbanisme|ilot* de fraicheur|cours d ecole*|parcs|"
            "mobilier urbain|nature en ville|velo*|marche a pied|securite routiere"
        ),
        "conditions_vie.acces_ressources": (
            "acces aux ressources|acces a l alimentation|acces au logement|acces a l emploi"
        ),
        "conditions_vie.acces_ressources.logement": (
            "acces au logement|logement d abord|hebergement*|maison relais|pension* de famille|"
            "logement accompagne|logement social|logements sociaux|mise a l abri|"
            "residence* sociale*|sans logement|logements? decent*|foyer* d hebergement|"
            "logement* des internes|loger|loges"
        ),
        "conditions_vie.acces_ressources.emploi": (
            "insertion professionnelle|emploi|chantier* d insertion|retour a l emploi|"
            "demandeur* d emploi|chomage|chomeur*|insertion par l activite economique|"
            "formation professionnelle|france travail|pole emploi"
        ),
        "conditions_vie.acces_ressources.services_sociaux_educatifs": (
            "creche*|mode* de garde|garde d enfant*|periscolaire|centre* sociaux|"
            "centre social|services sociaux|lieu d accueil enfants parents|laep|"
            "accueil de loisirs|relais petite enfance"
        ),
        "conditions_vie.acces_ressources.alimentation": (
            "aide alimentaire|epicerie* solidaire*|epicerie* sociale*|panier*|circuit* court*|"
            "projet alimentaire territorial|pat|distribution* alimentaire*|jardin* partage*|"
            "jardin* familia*|restauration collective|restauration scolaire|cantine*|"
            "fruits a la recre|petit* dejeuner*|precarite alimentaire|insecurite alimentaire|"
            "securite alimentaire|produits locaux|bio|alimentation durable|"
            "acces a une alimentation|"
            "legumerie|repas|alimentation saine et accessible|frigo* solidaire*|colis"
        ),
        "conditions_vie.acces_ressources.loisirs": (
            "loisirs|culture*|culturel*|activites culturelles|sport pour tous|"
            "equipement* sporti*|vacances|pass sport|sorties|acces au sport|bibliotheque*|"
            "mediatheque*|musee*"
        ),
        "conditions_vie.acces_ressources.autres": (
            "numerique|inclusion numerique|fracture numerique|veterinaire*|animaux|"
            "permis de conduire|acces aux services publics|france services|transport solidaire|"
            "hygiene intime|protections periodiques|vetements|douche*|bagagerie"
        ),
        "environnement_social": "lien social|environnement social|climat social",
        "environnement_social.integration_sociale": (
            "isolement|isole*|lien* sociaux|lien social|solidarite*|entraide|soutien social|"
            "rompre l isolement|convivialite|convivia*|intergenerationnel*|inclusion sociale|"
            "integration sociale|cohesion sociale|sortir de l isolement|vivre ensemble|"
            "solitude|bien etre social|cafe* des aidants|visites de convivialite"
        ),
        "environnement_social.normes_climat_social": (
            "violence*|discrimination*|harcelement*|securite|racisme|egalite femmes hommes|"
            "egalite filles garcons|stigmati*|prostitution|violences conjugales|"
            "violences intrafamiliales|violences sexuelles|homophobie|tranquillite publique|"
            "sexisme|mutilations sexuelles|prejuges|representations|deconstruire|"
            "psychotrauma*|victime*|maltraitance"
        ),
        "environnement_social.empowerment": "pouvoir d agir|empowerment|capacite* d agir",
        "environnement_social.empowerment.participation_habitants": (
            "participation des habitants|participation citoyenne|participati*|comite* citoyen*|"
            "conseil* citoyen*|democratie sanitaire|democratie participative|"
            "co construction|tires au sort|consultation des habitants|habitants acteurs|"
            "parole des habitants|usagers|jury citoyen|assemblee*|budget participatif"
        ),
        "environnement_social.empowerment.organisation_communaute": (
            "association* d habitants|groupe* d entraide|gem|sante communautaire|"
            "communautaire*|projet* d habitants|collectif* d habitants|collectif*|"
            "auto support|pair aidance|entraide mutuelle"
        ),
        "modes_vie": "mode* de vie|habitudes de vie|hygiene de vie",
        "modes_vie.comportements": (
            "comportement*|habitudes|mode* de vie|hygiene de vie|prevention|conduites a risque*|"
            "prise de risque*|style* de vie|bien vieillir|bien etre|reduction des risques"
        ),
        "modes_vie.comportements.alcool": (
            "alcool*|boisson* alcoolisee*|binge|ivresse|alcoolisation|alcoolo*|"
            "consommation d alcool|soirees|festi*|capitaine de soiree"
        ),
        "modes_vie.comportements.tabac": (
            "tabac*|tabag*|fumeur*|cigarette*|mois sans tabac|sevrage tabagique|chicha|"
            "vapot*|cigarette electronique|espace* sans tabac|plage* sans tabac|nicotin*|"
            "monoxyde de carbone expire|arret du tabac|arreter de fumer|fumer"
        ),
        "modes_vie.comportements.addictions": (
            "addict*|drogue*|cannabis|stupefiant*|ecran*|jeux video|jeu* d argent|"
            "conduites addictives|substances psychoactives|psychoactive*|csapa|cjc|"
            "consultation* jeunes consommateurs|consommation*|produits psychoactifs|"
            "reduction des risques|caarud|cocaine|crack|usager* de drogue*|numerique|"
            "protoxyde d azote|dependance*|mildeca|chemsex"
        ),
        "modes_vie.comportements.sexualite": (
            "vie affective*|sexualite|sexuel*|contracepti*|ist|vih|sida|preservatif*|"
            "grossesse* precoce*|grossesse* non desiree*|ivg|planning familial|consentement|"
            "infections sexuellement transmissibles|cegidd|hepatite*|puberte|"
            "relations amoureuses|cpef|emotions et relations"
        ),
        "modes_vie.comportements.alimentation": (
            "alimentation|alimentaire*|nutrition*|nutritionnel*|equilibre alimentaire|"
            "manger|mangent|obesite|surpoids|fruits|legumes|gout|cuisine*|cuisiner|repas|"
            "petit* dejeuner*|sucre*|boissons sucrees|dietetique|dieteticien*|pnns|"
            "mange bouger|manger bouger|grignotage|allaitement"
        ),
        "modes_vie.comportements.activite_physique": (
            "activite* physique*|sport*|sporti*|bouger|sedentari*|marche*|randonnee*|"
            "velo|sport sante|activite physique adaptee|apa|gym*|natation|aquagym|"
            "maison sport sante|sport sur ordonnance|mouvement|danse|yoga|course|parcours sportif"
        ),
        "modes_vie.comportements.autres": (
            "sommeil|hygiene bucco dentaire|bucco dentaire|brossage|dents|dentaire|"
            "hygiene|soleil|exposition solaire|ultraviolet*|noyade*|accident* domestique*|"
            "chute*|audition|protection auditive|musique amplifiee|ecrans avant de dormir|"
            "lavage des mains|gestes barriere*|poux|prevention solaire|cariee*|caries"
        ),
        "modes_vie.competences_sante": (
            "competence*|litteratie|savoir faire|autonomie en sante|pouvoir d agir sur sa sante"
        ),
        "modes_vie.competences_sante.connaissances": (
            "informer|information*|sensibilis*|connaissance*|litteratie|comprendre|"
            "messages de prevention|guide*|savoir*|conference*|forum*|campagne*|"
            "prevention et d information|mieux connaitre|decouvrir|repere*"
        ),
        "modes_vie.competences_sante.psychosociales": (
            "competences psychosociales|cps|estime de soi|gestion des emotions|emotion*|"
            "gestion du stress|stress|confiance en soi|habilete* sociale*|affirmation de soi|"
            "resilience|empathie|esprit critique|sophrologie|relaxation|bien etre mental"
        ),
        "modes_vie.competences_sante.autres": (
            "parentalite|soutien a la parentalite|education therapeutique|etp|"
            "patient* expert*|patient* partenaire*|aidant*|parents|competences parentales|"
            "premiers secours|gestes qui sauvent|auto surveillance|autogestion"
        ),
        "modes_vie.utilisation_services": (
            "recours|non recours|renoncement|utilisation des services|parcours de soins"
        ),
        "modes_vie.utilisation_services.recours_soins": (
            "recours aux soins|renoncement aux soins|renonc*|retour aux soins|"
            "acces aux soins|soins|consulter|consultation*|orientation vers|"
            "prise en charge|se soigner|soigner|traitement*|rendez vous|suivi medical"
        ),
        "modes_vie.utilisation_services.recours_prevention": (
            "depist*|vaccin*|bilan* de sante|mammographie*|examen* de prevention|frottis|"
            "octobre rose|mars bleu|movember|couverture vaccinale|examen* de sante|"
            "check up|trod|test* rapide*|prevention bucco dentaire|m t dents|"
            "examens? periodiques|bilan* bucco dentaire*|diagnostic precoce|reperage precoce"
        ),
        "systeme_soins": (
            "systeme de soins|offre de soins|soins|medecin*|professionnel* de sante|"
            "etablissement* de sante|hopita*|soignant*|csapa"
        ),
        "systeme_soins.accessibilite": (
            "acces aux soins|accessibilite|eloigne* du soin|eloigne* des soins|"
            "eloignes du systeme de soins|aller vers|acceder aux soins|freins|obstacles|"
            "inegalites d acces"
        ),
        "systeme_soins.accessibilite.geographique": (
            "desert* medica*|desertification medicale|demographie medicale|installation*|"
            "s installer|attractivite|interne*|maison* de sante|centre* de sante|"
            "telemedecine|teleconsultation*|teleexpertise|offre de soins|medecin* generaliste*|"
            "manque de medecins|penurie|consultation* avancee*|stagiaire*|jeunes medecins|"
            "recrutement de medecins|eloignement|distance*|zone* sous dotee*|medecins|"
            "antenne*|isole*|mafate|enclave*|ophtalmolog*|specialiste*|cabinet* medica*|"
            "professionnels de sante sur le territoire|maintien des professionnels|"
            "etudiants en medecine|permanence des soins"
        ),
        "systeme_soins.accessibilite.administrative": (
            "acces aux droits|droits|couverture maladie|complementaire sante solidaire|css|"
            "ame|aide medicale d etat|puma|ouverture de droits|ouverture des droits|"
            "demarches administratives|dossier*|carte vitale|assurance maladie|cpam|"
            "medecin traitant|non recours aux droits|mission accompagnement sante"
        ),
        "systeme_soins.accessibilite.financiere": (
            "mutuelle*|gratuit*|cout*|reste a charge|tarif*|financier*|financiere*|"
            "complementaire sante|tiers payant|prise en charge financiere|sans avance de frais|"
            "frais|payer|budget|moindre cout|dons|bons|cheque*|remboursement*"
        ),
        "systeme_soins.accessibilite.socio_culturelle": (
            "interpret*|langue*|allophone*|mediateur* culturel*|traduction|traduit*|"
            "multilingue*|representations|barriere* de la langue|barriere* linguistique*|"
            "culturel*|mediation sanitaire|gens du voyage|facile a lire"
        ),
        "systeme_soins.accessibilite.organisationnelle": (
            "horaire*|delai*|orientation|orienter|reperage|reperer|accueil|sans rendez vous|"
            "prise de rendez vous|permanence*|coupe file|culture professionnelle|"
            "circuit*|parcours|lisibilite|annuaire|plateforme*|guichet unique|orientation vers"
        ),
        "systeme_soins.globalite": (
            "globalite|approche globale|prise en charge globale|decloisonn*|globale"
        ),
        "systeme_soins.globalite.synergie": (
            "promotion prevention soins|prevention et soins|de la prevention aux soins|"
            "continuum|decloisonn*|approche globale"
        ),
        "systeme_soins.globalite.offre_prevention": (
            "offre de prevention|centre de prevention|consultation* de prevention|"
            "centre d examens de sante|espace sante prevention|structure de prevention"
        ),
        "systeme_soins.globalite.conditions_sociales": (
            "pass|permanence d acces aux soins de sante|psychiatrie precarite|sante precarite|"
            "empp|equipe mobile psychiatrie precarite|conditions sociales|situation sociale|"
            "vulnerabilite sociale|lits halte soins sante|lhss|lits d accueil medicalises|"
            "precarite"
        ),
        "systeme_soins.reactivite": (
            "satisfaction|attentes des patients|attentes des usagers|qualite de l accueil|"
            "bientraitance|experience patient|representants des usagers|plaintes"
        ),
        "systeme_soins.continuite": (
            "parcours|coordination des soins|suivi|continuite|sortie* d hospitalisation|"
            "rupture* de parcours|dossier partage|lien ville hopital|suivi medical|"
            "parcours de soins|parcours de sante|coordination du parcours|prise en charge|"
            "coordinat* de parcours|case manag*|gestion de cas|sortie d hopital|dmp"
        ),
        "systeme_soins.efficacite_securite": (
            "qualite des soins|securite des soins|iatrogen*|bon usage du medicament|"
            "medicament*|antibioresistance|antibiotique*|erreur* medicamenteuse*|"
            "infections nosocomiales|pertinence des soins|polymedication|"
            "evenements indesirables|conciliation medicamenteuse|hygiene hospitaliere"
        ),
        "contexte_politique": "politique* publique*|politiques locales|contexte politique",
        "contexte_politique.richesses": (
            "developpement economique|attractivite economique|richesse*|emplois locaux|"
            "activite economique|economie locale|retombees economiques"
        ),
        "contexte_politique.adaptation_besoins": (
            "adaptation aux besoins|gradient social|universalisme proportionne|"
            "besoins des populations|besoins des habitants|territorialis*|"
            "adapter les interventions|adapter les actions"
        ),
        "contexte_politique.sante_toutes_politiques": (
            "sante dans toutes les politiques|politiques locales|urbanisme favorable a la sante|"
            "plan climat|pcaet|projet alimentaire territorial|contrat de ville|"
            "politique de la ville|convention territoriale globale|"
            "evaluation d impact sur la sante|"
            "integrer la sante|prise en compte de la sante|competences de la collectivite|"
            "politique du logement|plan local d urbanisme|documents d urbanisme|"
            "strategie alimentaire|politique* municipale*|politique* intercommunale*"
        ),
    },
    "strategies": {
        "capacites_individuelles": "prevention|sensibilis*|aupres du public|grand public",
        "capacites_individuelles.information": (
            "information*|informer|campagne*|forum*|affiche*|flyer*|brochure*|depliant*|"
            "stand*|communication|reunion* d information|conference*|sensibilis*|"
            "journee*|salon*|exposition*|guide*|site internet|reseaux sociaux|semaine*|"
            "mois sans tabac|octobre rose|mars bleu|plaquette*|video*|spot*|relai* de|"
            "relayer|relaient|temps fort*|evenement*|ciné debat|cine debat|diffus*|"
            "messages|marche*|rendez vous|kit* de communication|presse|radio|film"
        ),
        "capacites_individuelles.education_sante": (
            "atelier*|education pour la sante|education a la sante|seance*|animation*|"
            "outil* pedagogique*|malle*|intervention* en classe|interventions|programme*|"
            "jeu*|cuisine*|education nutritionnelle|theatre forum|defi*|cours|"
            "travail educatif|educatif*|pedagogique*|apprendre|apprentissage*|"
            "accompagnement individuel|entretiens individuels|coaching|parcours educatif|"
            "sessions|groupe* de parole|education therapeutique|etp|escape game|quiz|"
            "cuisine* pedagogique*|demonstration*|degustation*|jardin pedagogique|"
            "competences psychosociales|distribution de preservatifs|materiel de prevention"
        ),
        "capacites_individuelles.formation": (
            "formation* aux premiers secours|premiers secours|psc1|gestes qui sauvent|"
            "formation des habitants|formation des parents|formation des aidants|"
            "former les habitants|former les jeunes|formation* des jeunes|brevet*|"
            "certificat|diplome|formation des patients|permis"
        ),
        "capacites_communautes": "communaute*|communautaire*|habitants",
        "capacites_communautes.mobilisation": (
            "mobilisation des habitants|mobiliser les habitants|participation*|comite*|"
            "conseil* citoyen*|concertation avec les habitants|forum citoyen|implication|"
            "impliquer les habitants|habitants|citoyen*|tires au sort|co construire|"
            "co construction|consultation des habitants|marche exploratoire*|"
            "diagnostic partage|jury|assemblee*|budget participatif|usagers"
        ),
        "capacites_communautes.formation": (
            "pair*|relais|ambassadeur*|leader*|adultes relais|benevoles formes|"
            "jeunes relais|pair aidance|formation de relais|relais sante|"
            "habitants relais|parents relais|eleves relais|sentinelle*|mentor*|"
            "former des benevoles|formation des benevoles|personnes ressources"
        ),
        "capacites_communautes.organisation_communaute": (
            "groupe* d entraide|gem|association* d usagers|projet* d habitants|"
            "appui aux associations|collectif*|jardin* partage*|communautaire*|"
            "appel a projet*|soutien aux initiatives|initiatives d habitants|"
            "autogestion|entraide|creation d une association|fonds de participation"
        ),
        "conditions_vie_travail": (
            "amelioration des conditions de vie|conditions de vie|cadre de vie|"
            "reduire l exposition|reduire la presence|limiter l exposition|environnement favorable"
        ),
        "conditions_vie_travail.rehabilitation": (
            "rehabilitation|renovation*|travaux|resorption de l habitat|amelioration de l habitat|"
            "requalification|lutte contre l habitat indigne|reparation*|mise aux normes|"
            "isolation|renover|rehabiliter|amenagement des locaux|opah|"
            "amelioration des logements|desamiantage|depollution|vegetalis*"
        ),
        "conditions_vie_travail.biens_services": (
            "distribution*|distribue*|fourniture|mise a disposition|gratuit*|aide financiere|"
            "mutuelle* communale*|mutuelle* intercommunale*|mutuelle*|kit*|panier*|"
            "restauration scolaire|tarif*|cheque*|fruits|repas|bons|pass|offrir|offert*|"
            "prise en charge des frais|aides|prime|acces privilegie|logement des|loger|"
            "hebergement|colis|douches|collations|aide alimentaire|epicerie*|"
            "maison relais|pension de famille|transport gratuit|places"
        ),
        "conditions_vie_travail.nouveaux_services": (
            "piste* cyclable*|marche* de plein vent|marche* de producteurs|maison des jeunes|"
            "transport*|parcours sportif*|aire* de jeux|equipement*|creation d un lieu|"
            "jardin*|city stade|espace* de loisirs|tiers lieu*|ligne de bus|"
            "velos|voies vertes|epicerie solidaire|legumerie|cantine|point d eau|"
            "salle*|installations sportives|ilot* de fraicheur|parcours de sante"
        ),
        "reorientation_services": (
            "services de sante|offre de soins|structure de soins|professionnels de sante|"
            "soins|csapa|medecin*"
        ),
        "reorientation_services.rapprochement": (
            "aller vers|rapprocher|au plus pres|proximite|adapte*|adaptation des services|"
            "avis specialise|consultation* avancee*|telemedecine|teleconsultation*"
        ),
        "reorientation_services.rapprochement.hors_structures": (
            "aller vers|aller au devant|equipe* mobile*|maraude*|bus|camping car|"
            "unite* mobile*|consultation* avancee*|a domicile|visite* a domicile|"
            "sur place|hors les murs|dans les quartiers|lieux de vie|itinerant*|"
            "au plus pres|mobile*|dans les ecoles|au sein des structures|devant les structures|"
            "permanence* avancee*|sur le marche|camion|vehicule|tournee*|"
            "au domicile|aupres des publics|se deplacent|sur leurs lieux"
        ),
        "reorientation_services.rapprochement.structures_specifiques": (
            "espace sante jeunes|point accueil ecoute jeunes|paej|maison des adolescents|"
            "maison* des ados|carte* sante|pass|dispositif specifique|lieu ressource|"
            "point sante|consultation* gratuite*|permanence d acces aux soins|"
            "lits halte soins sante|lieu* d accueil|centre de sante communautaire|"
            "cegidd|csapa|cjc|consultation* jeunes consommateurs|espace* sante|"
            "maison des femmes|point ecoute"
        ),
        "reorientation_services.rapprochement.information_adaptee": (
            "mediat*|interpret*|traduction*|traduit*|multilingue*|facile a lire|falc|"
            "pairs|adapte*|langues|allophone*|pictogramme*|ambassadeur*|relais|"
            "mediateur* sante|mediateur* en sante|mediation en sante|mediation sante|"
            "langage simple|supports adaptes"
        ),
        "reorientation_services.rapprochement.conseil_soutien": (
            "soutien psychologique|ecoute|groupe* de parole|aidant*|repit|"
            "consultation* psycholog*|psychologue*|soutien|cellule d ecoute|"
            "accompagnement psychologique|consultations? psy|halte repit|conseil*|"
            "ligne d ecoute|accueil de jour|soutien aux aidants"
        ),
        "reorientation_services.rapprochement.accompagnement_social": (
            "accompagnement social|acces aux droits|ouverture de droits|ouverture des droits|"
            "accompagnement dans les demarches|demarches|suivi social|permanence* sociale*|"
            "accompagner les familles|accompagnement des familles|accompagnement des personnes|"
            "assistant* social*|travailleur* social*|droits|accompagnement individualise|"
            "conseiller les habitants|aider les personnes|soutenir les familles|"
            "accompagnement vers|orientation vers|mission accompagnement sante|"
            "prendre rendez vous|prise de rendez vous|referent* parcours"
        ),
        "reorientation_services.rapprochement.amenagement_services": (
            "horaire*|navette*|accessibilite|amenagement des services|transport a la demande|"
            "sans rendez vous|ouverture tardive|adaptation des horaires|accessibles|"
            "rampe*|accueil adapte|consultation* adaptee*|accompagnement physique|"
            "transport* solidaire*|handicap|veterinaire*|animaux"
        ),
        "reorientation_services.integration_coordination": (
            "coordination|coordonne*|integration des soins|travail en reseau|exercice coordonne"
        ),
        "reorientation_services.integration_coordination.multidisciplinarite": (
            "maison* de sante|msp|centre* de sante|pluriprofessionnel*|pluri professionnel*|"
            "pluridisciplinaire*|exercice coordonne|cpts|interdisciplinaire*|multidisciplin*|"
            "communaute professionnelle territoriale de sante|pole* de sante|pole* sante"
        ),
        "reorientation_services.integration_coordination.coordination": (
            "coordination des professionnels|reunion* de concertation|outil* partage*|"
            "annuaire*|echange* de pratiques|coordination|concertation|staff*|"
            "coordination des soins|lien ville hopital|fiche de liaison|dossier partage|"
            "messagerie securisee|protocole*|coordinat*"
        ),
        "reorientation_services.integration_coordination.dispositifs_integres": (
            "reseau* de sante|reseau*|plateforme*|dac|dispositif d appui a la coordination|"
            "pta|filiere*|plateforme territoriale d appui|maia|guichet integre"
        ),
        "reorientation_services.offre_prevention": (
            "offre de prevention|prevention|sport sur ordonnance|prescription|maison sport sante"
        ),
        "reorientation_services.offre_prevention.pratiques_cliniques": (
            "depist*|vaccin*|bilan* de sante|examen*|frottis|mammographie*|test*|trod|"
            "counseling|prescription*|sport sur ordonnance|consultation* de prevention|"
            "bilans|auto prelevement*|fluor*|vernis|seances de vaccination|"
            "bilan* bucco dentaire*|operation* de depistage|campagne* de vaccination|"
            "activite physique sur prescription|sport sur prescription|apa|suivi medical"
        ),
        "reorientation_services.offre_prevention.sensibilisation_professionnels": (
            "sensibiliser les medecins|sensibilisation des medecins|"
            "sensibilisation des professionnels de sante|"
            "mobiliser les medecins|medecins generalistes sensibilises|lettre aux professionnels|"
            "sensibiliser les professionnels de sante|inciter les medecins"
        ),
        "reorientation_services.capacites_professionnels": (
            "professionnels de sante|soignants|personnel* de sante|services de sante"
        ),
        "reorientation_services.capacites_professionnels.sensibilisation": (
            "sensibilisation des professionnels de sante|sensibiliser les soignants|"
            "sensibilisation des soignants|inegalites sociales de sante|ists|"
            "sensibiliser les professionnels de sante|culture commune"
        ),
        "reorientation_services.capacites_professionnels.formation": (
            "formation des professionnels de sante|formation des soignants|"
            "formation medicale continue|formation du personnel|formation des medecins|"
            "former les professionnels de sante|former les soignants|dpc|"
            "formation des infirmier*|formation des pharmaciens|formation des sages femmes|"
            "former les medecins|formations? cliniques?"
        ),
        "reorientation_services.capacites_professionnels.renforcement_services": (
            "recrutement*|recruter|installation*|creation d un centre|creation du centre|"
            "financement*|subvention*|local|locaux|materiel*|poste*|interne*|attractivite|"
            "accueil des stagiaires|stagiaire*|telemedecine|teleconsultation*|antenne*|renfort*|"
            "hebergement des internes|s installer|installer|ouverture d un|ouvrir|"
            "creation d une|creer un centre|salaries|medecins salaries|equipement* medica*|"
            "cabinet*|aide* a l installation|bourse*|maintien des professionnels|"
            "consultations? de specialistes?|specialiste*|centre* de sante|maison* de sante"
        ),
        "developpement_strategique": "strategie|strategique|partenariat*|intersectori*",
        "developpement_strategique.partenariats_intersectoriels": (
            "partenariat*|intersectori*|partenaires|acteurs du territoire|mise en reseau"
        ),
        "developpement_strategique.partenariats_intersectoriels.mobilisation_acteurs": (
            "plaidoyer|mobiliser les acteurs|mobilisation des acteurs|lobbying|"
            "nouveaux partenaires|mobiliser les elus|sensibiliser les elus|"
            "mobilisation des elus|convaincre|embarquer|rallier|mobilisation des entreprises|"
            "mobiliser les entreprises|mobiliser les employeurs"
        ),
        "developpement_strategique.partenariats_intersectoriels.coordination": (
            "coordination des acteurs|groupe* de travail|comite de pilotage|copil|"
            "partenariat*|reseau d acteurs|plateforme*|clsm|conseil local de sante mentale|"
            "document* cadre*|charte partenariale|mise en reseau|coordination|"
            "concertation|comite technique|instance*|en lien avec|avec les acteurs|"
            "reunit|associe*|cellule|coordonner|animation territoriale|acteurs locaux"
        ),
        "developpement_strategique.partenariats_intersectoriels.dispositifs_partenariaux": (
            "dispositif* partenaria*|convention*|cellule* de veille|cellule*|instance*|"
            "clsm|conseil local de sante mentale|comite* d ethique|guichet|"
            "conseil local|commission*|rcp|reseau d echanges|comite local"
        ),
        "developpement_strategique.partenariats_intersectoriels.formation_hors_sante": (
            "formation des acteurs|formation des professionnels|formation des agents|"
            "former les|formation*|sentinelle*|premiers secours en sante mentale|pssm|"
            "formation des enseignants|formation des animateurs|formation des travailleurs sociaux|"
            "formation des benevoles|formation des elus|formation des equipes|"
            "formation des personnels|formation des assistantes maternelles|formations|"
            "sensibilisation des professionnels|sensibiliser les professionnels|"
            "outiller les professionnels|professionnels de l enfance|acteurs de la petite enfance"
        ),
        "developpement_strategique.connaissances": (
            "connaissance*|observation|donnees|etude*|analyse*"
        ),
        "developpement_strategique.connaissances.analyse_situation": (
            "diagnostic*|enquete*|etude*|observatoire*|recensement|recenser|cartographie*|"
            "repertoire*|etat des lieux|donnees|questionnaire*|analyse des besoins|"
            "observation locale|recueil des besoins|identifier les besoins|portrait*|"
            "indicateur*|veille|memoire|inventaire"
        ),
        "developpement_strategique.connaissances.faisabilite": (
            "etude de faisabilite|faisabilite|etudier la possibilite|examiner la possibilite|"
            "etudier l opportunite|opportunite|reflexion sur la creation|etudier la mise en place|"
            "etudier la creation|etudier l installation|projet de creation|preefiguration|"
            "prefiguration|envisager|possibilite de creer|en projet|etude d opportunite"
        ),
        "developpement_strategique.connaissances.evaluation": (
            "evaluation*|evaluer|bilan de l action|mesurer l impact|indicateurs de suivi|"
            "evaluation des resultats|retour d experience|experimentation|capitalis*"
        ),
        "developpement_strategique.connaissances.eis": (
            "evaluation d impact sur la sante|eis|etude d impact sanitaire|"
            "evaluation d impact en sante|impact sur la sante"
        ),
        "developpement_strategique.planification": (
            "plan|plans|charte*|arrete*|strategie*|ville sante oms|"
            "villes sante|reseau francais des villes sante|projet alimentaire territorial|"
            "politique alimentaire|politique municipale|schema*|label*|pnns|ville active|"
            "adhesion|adhere|deliberation*|feuille de route|plan canicule|reglement*|"
            "interdiction*|interdire|espace* sans tabac|plu|plan local d urbanisme|pcaet|"
            "plan climat|programme global|plan global|zero pesticide|marches publics|"
            "achats publics|commande publique"
        ),
    },
    "approche": {
        "cible": (
            "precar*|quartier* prioritaire*|qpv|politique de la ville|sans domicile|sdf|"
            "sans abri|migrant*|demandeur* d asile|refugie*|exile*|gens du voyage|"
            "eloigne* du soin|eloigne* des soins|eloignes du systeme|vulnerab*|defavorise*|"
            "minima sociaux|rsa|complementaire sante solidaire|restos du coeur|chrs|"
            "zone* prioritaire*|rep|reseau d education prioritaire|allophone*|detenu*|"
            "prostitu*|faibles revenus|fragilise*|grande precarite|hebergement d urgence|"
            "aires d accueil|primo arrivant*|bidonville*|squat*|personnes a la rue|"
            "epicerie* solidaire*|aide alimentaire|public* fragile*|isolement geographique|"
            "communes de moins de|mafate|sortants de prison|non recours"
        ),
        "universalisme_proportionne": (
            "en particulier|notamment aupres des|effort particulier|attention particuliere|"
            "universalisme proportionne|renforce* aupres|priorit*|plus fragiles|"
            "plus vulnerables|tout en ciblant|avec un accent|davantage aupres|"
            "en direction prioritaire|intensite|adaptee aux plus|et plus particulierement"
        ),
        "universel": "tous les habitants|grand public|ensemble de la population|tout public|tous",
    },
    "thematiques": {
        "acces_soins": (
            "acces aux soins|desert* medica*|desertification|demographie medicale|installation*|"
            "medecin* generaliste*|maison* de sante|centre* de sante|telemedecine|"
            "teleconsultation*|mutuelle*|acces aux droits|couverture maladie|renoncement|"
            "consultation* gratuite*|eloigne* du soin|eloigne* des soins|offre de soins|"
            "internes|attractivite|aller vers|mediation en sante|mediateur* sante|"
            "medecins|specialiste*|permanence d acces aux soins|pass|soins"
        ),
        "systeme_soins": (
            "parcours|coordination des soins|exercice coordonne|cpts|lien ville hopital|"
            "sortie d hospitalisation|dac|dispositif d appui a la coordination|urgences|"
            "qualite des soins|medicament*|hospitalisation|parcours de soins|"
            "organisation des soins|plateforme territoriale|pharmac*|iatrogen*"
        ),
        "addictions": (
            "addict*|alcool*|tabac*|tabag*|drogue*|cannabis|ecran*|jeux video|"
            "conduites addictives|csapa|cjc|mois sans tabac|fumeur*|cigarette*|"
            "substances psychoactives|reduction des risques|chicha|protoxyde"
        ),
        "cancer": (
            "cancer*|oncolog*|mammographie*|octobre rose|mars bleu|movember|colorectal|"
            "col de l uterus|tumeur*|chimiotherapie|depistage organise"
        ),
        "conduites_risque": (
            "conduites a risque*|prise* de risque*|securite routiere|conduites dangereuses|"
            "risques festifs|milieu festif|soirees|noyade*|jeux dangereux|harcelement"
        ),
        "maladies_chroniques": (
            "diabet*|maladie* chronique*|cardio*|hypertension|cholesterol|avc|obesite|"
            "maladie* cardio vasculaire*|metabolique*|insuffisance cardiaque|"
            "insuffisance renale|bpco|asthme|maladies cardiovasculaires"
        ),
        "nutrition": (
            "nutrition*|nutritionnel*|alimentation|alimentaire*|activite* physique*|sport*|"
            "obesite|surpoids|manger|bouger|fruits|legumes|repas|cuisine*|sport sante|"
            "sedentari*|pnns|equilibre alimentaire|dietetique|petit* dejeuner*|"
            "maison sport sante|apa|marche*|velo|gym*"
        ),
        "bucco_dentaire": (
            "bucco dentaire*|dentaire*|dent*|brossage|dentiste*|carie*|m t dents|"
            "chirurgien* dentiste*|orthodont*|hygiene bucco"
        ),
        "sante_environnement": (
            "sante environnement*|environnement*|perturbateur* endocrinien*|qualite de l air|"
            "pollution*|habitat indigne|insalubr*|saturnisme|plomb|moustique*|ambroisie|"
            "pollen*|canicule*|chaleur|radon|amiante|precarite energetique|air interieur|"
            "bruit|eau potable|pesticide*|urbanisme favorable|nuisance*|climat*|"
            "logement* indigne*|punaise*|moisissure*|chimique*|tiques|ondes"
        ),
        "bien_etre": (
            "bien etre|bien etre physique|estime de soi|qualite de vie|forme|"
            "prevention globale|promotion de la sante|sante globale|hygiene de vie|"
            "sommeil|competences psychosociales|mieux etre|relaxation"
        ),
        "femmes_enfants": (
            "perinat*|grossesse*|femme* enceinte*|maternite|nourrisson*|petite enfance|"
            "1000 premiers jours|mille premiers jours|pmi|allaitement|sages femmes|"
            "gynecolog*|sante des femmes|jeunes enfants|bebe*|parentalite|naissance*|"
            "accouchement|post partum|depression post natale|sante de l enfant|"
            "sante des enfants|protection maternelle"
        ),
        "sante_mentale": (
            "sante mentale|psychiatr*|psycholog*|souffrance psychique|suicide*|"
            "detresse|clsm|conseil local de sante mentale|troubles psychiques|"
            "depression|anxiete|stress|burn out|premiers secours en sante mentale|pssm|"
            "bien etre mental|ecoute|mal etre|cmp|centre medico psychologique|"
            "psychotrauma*|semaines d information sur la sante mentale|sism|gem"
        ),
        "sante_sexuelle": (
            "sante sexuelle|vie affective*|sexualite|sexuel*|contracepti*|ist|vih|sida|"
            "preservatif*|ivg|planning familial|cegidd|grossesse* precoce*|consentement|"
            "infections sexuellement transmissibles|hepatite*|prep"
        ),
        "tuberculose": "tuberculose|bcg|clat|centre de lutte antituberculeuse|tuberculeux",
        "vaccination": (
            "vaccin*|couverture vaccinale|rappel* de vaccin*|calendrier vaccinal|grippe|"
            "hpv|papillomavirus|rougeole|covid|seances de vaccination"
        ),
        "vieillissement": (
            "vieilliss*|bien vieillir|personnes agees|seniors|perte d autonomie|autonomie|"
            "ehpad|retraite*|aines|60 ans|65 ans|75 ans|chute*|maintien a domicile|"
            "alzheimer|neurodegeneratif*|grand age|silver|domicile des personnes agees"
        ),
        "handicap": (
            "handicap*|situation de handicap|autisme|tsa|troubles du neuro developpement|"
            "ime|esat|mdph|inclusion|accessibilite|polyhandicap|trouble* dys*|aveugle*|"
            "sourd*|malentendant*|malvoyant*|aah|fauteuil roulant"
        ),
        "autres": (
            "participation des habitants|comite* citoyen*|democratie sanitaire|"
            "coordination du cls|animation du cls|observatoire|diagnostic local|"
            "animaux|veterinaire*|sante des agents"
        ),
    },
    "publics": {
        "population_generale": (
            "population generale|grand public|tout public|tous publics|ensemble des habitants|"
            "tous les habitants|habitants du territoire|population du territoire|habitants|"
            "population|usagers|residents du territoire|citoyens|public"
        ),
        "petite_enfance": (
            "petite enfance|0 6 ans|0 3 ans|nourrisson*|bebe*|creche*|maternelle*|perinat*|"
            "femme* enceinte*|futur* parent*|futures mamans|futures meres|jeunes enfants|"
            "pmi|1000 premiers jours|mille premiers jours|tout petits|assistant* maternel*|"
            "moins de 6 ans|moins de 3 ans|naissance|jeunes parents|allaitement"
        ),
        "enfants": (
            "enfant*|ecolier*|eleves de primaire|ecole*|ecole elementaire|primaire|"
            "scolaire*|accueil* de loisirs|cm1|cm2|6 11 ans|3 11 ans|periscolaire|"
            "centre de loisirs|recre*|cantine*|scolarises|classes"
        ),
        "jeunes": (
            "jeune*|adolescent*|ados|lyceen*|collegien*|etudiant*|mission* locale*|"
            "15 25 ans|16 25 ans|12 25 ans|11 25 ans|13 14 ans|jeunes adultes|college*|lycee*|"
            "maison des ados|maison des adolescents|mfr|apprentis|service civique|"
            "12 18 ans|11 17 ans|jeunesse"
        ),
        "parents": ("parent*|famille*|parentalite|familial*|foyers|meres|peres|menages"),
        "femmes": (
            "femme*|enceinte*|mere*|gyneco*|feminin*|maternite|sage* femme*|"
            "mammographie|col de l uterus|habitantes|jeunes filles|filles"
        ),
        "personnes_agees": (
            "personnes agees|senior*|60 ans|65 ans|70 ans|75 ans|retraite*|aines|ehpad|"
            "vieilliss*|bien vieillir|perte d autonomie|grand age|personnes de plus de|"
            "residence* autonomie|plus de 60|plus de 65|plus de 75|residents d ehpad"
        ),
        "handicap": (
            "handicap*|situation de handicap|ime|esat|autis*|polyhandicap*|mdph|"
            "institut medico educatif|foyer d accueil medicalise|sourd*|malvoyant*|aveugle*"
        ),
        "precaires": (
            "precar*|sans domicile|sdf|sans abri|demuni*|minima sociaux|rsa|fragile*|"
            "vulnerab*|defavorise*|faibles revenus|complementaire sante solidaire|"
            "restos du coeur|epicerie* solidaire*|chrs|hebergement d urgence|a la rue|"
            "eloigne* du soin|eloigne* des soins|beneficiaires|aide alimentaire|"
            "gens du voyage|difficultes sociales|grande pauvrete|exclusion|insertion|"
            "structures sociales|foyers? d hebergement|maison relais|pension de famille"
        ),
        "migrants": (
            "migrant*|etranger*|allophone*|demandeur* d asile|refugie*|exile*|primo arrivant*|"
            "immigre*|foyer* de travailleurs migrants|non francophone*|mineurs non accompagnes|"
            "cada|personnes immigrees"
        ),
        "qpv": (
            "quartier* prioritaire*|qpv|politique de la ville|zone* prioritaire*|rep|"
            "quartiers populaires|quartier*|cite*|grands ensembles|contrat de ville"
        ),
        "rural": (
            "rura*|isole*|montagne|moins de 2 000 habitants|moins de 2000 habitants|"
            "cirque|campagne*|zones blanches|petites communes|communes rurales|hameaux|"
            "mafate|ile|iles|insulaire*|agricult*|exploitants agricoles|msa"
        ),
        "aidants": "aidant*|proches aidants|repit|aidants familiaux|proches de malades",
        "malades": (
            "patient*|malade*|personnes atteintes|diabetiques|hospitalis*|maladie* chronique*|"
            "personnes souffrant|usagers de la psychiatrie|residents|personnes vivant avec|"
            "en soins|insuffisants|troubles psychiques|sortants d hospitalisation"
        ),
        "professionnels_sante": (
            "professionnel* de sante|medecin*|interne*|soignant*|infirmier*|pharmacien*|"
            "kinesitherapeute*|kine*|dentiste*|sage* femme*|etudiants en medecine|"
            "futurs medecins|internes en medecine|personnel* soignant*|psychologue*|"
            "orthophoniste*|praticiens|stagiaires dentistes|equipes hospitalieres"
        ),
        "professionnels_autres": (
            "professionnel*|acteur*|benevole*|animateur*|enseignant*|travailleur* sociaux|"
            "educateur*|intervenant*|structures|equipes|acteurs de la petite enfance|"
            "personnels|agents d accueil|encadrants|associations|partenaires|"
            "assistant* maternel*|personnes qui accompagnent|relais|ecoles et accueils de loisirs|"
            "restauration collective|mediateurs|aide* a domicile|auxiliaires de vie"
        ),
        "elus": (
            "elu*|decideur*|maire*|conseillers municipaux|communes porteuses|"
            "collectivites|communes et|techniciens des collectivites"
        ),
        "salaries": (
            "salarie*|agents de la collectivite|agents|entreprise*|demandeur* d emploi|"
            "travailleur*|employe*|personnel municipal|actifs|chomeur*|employeur*"
        ),
    },
}


Cle = tuple[str, str]  # (axis, code)


@dataclass(frozen=True)
class _Motif:
    """One alternative: a sequence of (word, is_prefix) and the codes it signals."""

    mots: tuple[tuple[str, bool], ...]
    cles: tuple[Cle, ...]


@dataclass
class Index:
    """Token-level index of the lexicon: one pass over a text finds every code's cues."""

    exacts: dict[str, list[_Motif]]
    prefixes: dict[str, list[_Motif]]
    longueur_max_prefixe: int

    def chercher(self, normal: str) -> dict[Cle, list[tuple[int, int]]]:
        """Spans of the normalized text matched by each code's lexicon."""
        toks = [(m.group(), m.start(), m.end()) for m in _MOT.finditer(normal)]
        out: dict[Cle, list[tuple[int, int]]] = {}
        vus: set[tuple[Cle, int]] = set()
        for i, (tok, debut, _) in enumerate(toks):
            candidats = list(self.exacts.get(tok, ()))
            for k in range(1, min(len(tok), self.longueur_max_prefixe) + 1):
                candidats.extend(self.prefixes.get(tok[:k], ()))
            for motif in candidats:
                fin = _suite(motif.mots, toks, i)
                if fin is None:
                    continue
                for cle in motif.cles:
                    if (cle, debut) not in vus:
                        vus.add((cle, debut))
                        out.setdefault(cle, []).append((debut, fin))
        return out


_MOT = re.compile(r"[a-z0-9]+")


def _suite(mots: tuple[tuple[str, bool], ...], toks: list, i: int) -> int | None:
    """End offset if the words match the tokens from position i, else None."""
    if i + len(mots) > len(toks):
        return None
    for k, (mot, prefixe) in enumerate(mots):
        tok = toks[i + k][0]
        if not (tok.startswith(mot) if prefixe else tok == mot):
            return None
    return toks[i + len(mots) - 1][2]


def _variantes(alt: str) -> list[tuple[tuple[str, bool], ...]]:
    """Word sequences of an alternative (``examens?`` gives two sequences)."""
    seqs: list[list[tuple[str, bool]]] = [[]]
    for word in alt.split():
        if word.endswith("*"):
            options = [(word[:-1], True)]
        elif word.endswith("?"):
            options = [(word[:-2], False), (word[:-1], False)]
        else:
            options = [(word, False)]
        seqs = [s + [o] for s in seqs for o in options]
    return [tuple(s) for s in seqs]


@cache
def index() -> Index:
    """The whole lexicon as a token index, checked against the grid."""
    g = grille()
    owners: dict[tuple[tuple[str, bool], ...], list[Cle]] = {}
    for axe, entrees in LEXIQUE.items():
        for code, entree in entrees.items():
            if not g.existe(axe, code):
                raise ValueError(f"Code de lexique inconnu de la grille : {axe} {code}")
            for alt in entree.split("|"):
                for seq in _variantes(alt.strip()):
                    if seq and (axe, code) not in owners.setdefault(seq, []):
                        owners[seq].append((axe, code))
    exacts: dict[str, list[_Motif]] = {}
    prefixes: dict[str, list[_Motif]] = {}
    for seq, cles in owners.items():
        motif = _Motif(seq, tuple(cles))
        mot, prefixe = seq[0]
        (prefixes if prefixe else exacts).setdefault(mot, []).append(motif)
    longueur = max((len(p) for p in prefixes), default=0)
    return Index(exacts, prefixes, longueur)


def cles_lexique() -> list[Cle]:
    """(axis, code) of every lexicon entry, in a fixed order."""
    return [(axe, code) for axe, entrees in LEXIQUE.items() for code in entrees]


def correspondances(normal: str, axe: str, code: str) -> list[tuple[int, int]]:
    """Spans of the normalized text matched by a code's lexicon."""
    return index().chercher(normal).get((axe, code), [])
