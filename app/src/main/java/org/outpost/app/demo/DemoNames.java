package org.outpost.app.demo;

import java.util.List;

/**
 * Invented name, street and town pools for demo patients. Deliberately mixed (accents, apostrophes,
 * hyphens, several languages) so search, sorting and accent folding are exercised.
 */
final class DemoNames {
    static final List<String> FEMALE_GIVEN = List.of(
            "Amelia", "Olivia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Chloé", "Zoë", "Maria", "Ana",
            "Lucía", "Inés", "Renée", "Hélène", "Anaïs", "Margaret", "Dorothy", "Joan", "Patricia", "Susan",
            "Linda", "Fatima", "Aisha", "Priya", "Ananya", "Mei", "Yuki", "Ngozi", "Amara", "Siobhán", "Aoife",
            "Ingrid", "Åsa", "Małgorzata", "Zofia", "Eszter", "Jana", "Elif", "Leila", "Noor", "Carmen",
            "Rosa", "Beatriz", "Thandiwe", "Mariam", "Eleni", "Kateřina", "Brigitte", "Ellen");
    static final List<String> MALE_GIVEN = List.of(
            "James", "Oliver", "Jack", "Harry", "George", "Thomas", "William", "David", "John", "Robert",
            "Michael", "Peter", "José", "Jesús", "Andrés", "Rubén", "François", "Jérôme", "André", "Björn",
            "Søren", "Jürgen", "Łukasz", "Tomáš", "Miklós", "Mohammed", "Ahmed", "Omar", "Yusuf", "Ravi",
            "Arjun", "Wei", "Hiroshi", "Chinedu", "Kwame", "Seán", "Ciarán", "Pedro", "Luís", "Mateo",
            "Dmitri", "Nikolai", "Emre", "Kemal", "Samuel", "Daniel", "Joseph", "Brian", "Kenneth", "Arthur");
    static final List<String> FAMILY = List.of(
            "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
            "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
            "García", "Rodríguez", "Martínez", "Fernández", "López", "González", "Pérez", "Sánchez", "Núñez",
            "Muñoz", "Müller", "Schröder", "Köhler", "Weiß", "Bäcker", "Dubois", "Lefèvre", "Gagné", "Béranger",
            "Mercier", "Novák", "Dvořák", "Horváth", "Kowalski", "Wiśniewska", "Nowak", "Johansson", "Sørensen",
            "Ødegård", "Åberg", "O'Brien", "O'Connor", "MacDonald", "McCarthy", "Ní Bhriain", "Nguyễn", "Trần",
            "Wang", "Li", "Zhang", "Tanaka", "Suzuki", "Patel", "Shah", "Singh", "Kumar", "Khan", "Hussain",
            "Ahmed", "Okafor", "Adeyemi", "Mensah", "Osei", "Dlamini", "Yılmaz", "Öztürk", "Papadopoulos",
            "Ivanova", "Kuznetsov", "Rossi", "Bianchi", "Esposito", "Silva", "Santos", "Gonçalves", "Costa",
            "Van der Berg", "De Vries", "Jansen", "Smith-Jones", "Lloyd-Evans", "Kaplan", "Cohen", "Levi");
    static final List<String> STREETS = List.of(
            "Harbour Road", "Mill Lane", "Church Street", "Station Road", "Orchard Close", "High Street",
            "Quarry Hill", "Kingfisher Way", "Beacon Rise", "Ferry Lane", "Willow Crescent", "Market Square",
            "Chapel Row", "Heather Drive", "Lighthouse View", "Old School Lane");
    static final List<String> TOWNS = List.of(
            "Port Ellis", "Carrow Bay", "Millbrook", "Westhaven", "Dunmore", "Ashby Fields", "Kelso Point",
            "Larkhill", "Stonebridge", "Fairhaven");
    static final List<String> ALLERGIES = List.of(
            "penicillin", "sulfonamides", "latex", "codeine", "peanuts", "aspirin", "iodinated contrast",
            "amoxicillin", "shellfish", "ibuprofen");
    /** Reactions as charts record them, each with the severity at the same index in {@link #REACTION_SEVERITIES}. */
    static final List<String> REACTIONS = List.of(
            "rash", "hives", "itching", "nausea and vomiting", "facial swelling", "wheeze", "anaphylaxis");
    static final List<org.outpost.app.domain.AllergySeverity> REACTION_SEVERITIES = List.of(
            org.outpost.app.domain.AllergySeverity.MILD, org.outpost.app.domain.AllergySeverity.MODERATE,
            org.outpost.app.domain.AllergySeverity.MILD, org.outpost.app.domain.AllergySeverity.MILD,
            org.outpost.app.domain.AllergySeverity.SEVERE, org.outpost.app.domain.AllergySeverity.SEVERE,
            org.outpost.app.domain.AllergySeverity.LIFE_THREATENING);

    private DemoNames() {
    }
}
