/**
 * Demo customers (Ids 1..26) and vendors (Ids 50..55). Customers and vendors share one Id
 * sequence in QBO (they are both "names"), hence the gap.
 */
export interface NameSeed {
  id: string;
  given?: string;
  family?: string;
  company?: string;
  email?: string;
  phone?: string;
  street?: string;
  city?: string;
  state?: string;
  zip?: string;
  active?: false;
  parentId?: string;
  notes?: string;
}

// One row per record reads as a table.
// prettier-ignore
export const DEMO_CUSTOMERS: readonly NameSeed[] = [
  { id: "1", given: "Maria", family: "Gonzalez", email: "maria.gonzalez@example.com", phone: "(541) 555-0142", street: "1221 Alder St", city: "Eugene", state: "OR", zip: "97401" },
  { id: "2", given: "James", family: "O'Connor", email: "jim.oconnor@example.com", phone: "(541) 555-0178", street: "88 Willamette Ave", city: "Eugene", state: "OR", zip: "97402" },
  { id: "3", company: "Riverside Plumbing LLC", given: "Dana", family: "Whitfield", email: "fleet@riversideplumbing.example", phone: "(541) 555-0110", street: "400 River Rd", city: "Springfield", state: "OR", zip: "97477", notes: "Fleet account: 6 vans, net 30" },
  { id: "4", given: "Aiko", family: "Tanaka", email: "aiko.t@example.com", phone: "(541) 555-0199", street: "17 Cedar Ct", city: "Eugene", state: "OR", zip: "97405" },
  { id: "5", given: "Robert", family: "Miller", email: "bob.miller@example.com", phone: "(541) 555-0105", street: "902 Pearl St", city: "Eugene", state: "OR", zip: "97401" },
  { id: "6", company: "Green Valley Landscaping", email: "office@greenvalley.example", phone: "(541) 555-0133", street: "3100 W 11th Ave", city: "Eugene", state: "OR", zip: "97402" },
  { id: "7", given: "Priya", family: "Raman", email: "priya.raman@example.com", phone: "(458) 555-0121", street: "55 Oak Hill Dr", city: "Springfield", state: "OR", zip: "97478" },
  { id: "8", given: "François", family: "Lefèvre", email: "f.lefevre@example.com", phone: "(541) 555-0166", street: "12 Rue Market St", city: "Eugene", state: "OR", zip: "97401" },
  { id: "9", company: "Lane County Courier Co.", given: "Sam", family: "Ortiz", email: "dispatch@lccourier.example", phone: "(541) 555-0187", street: "700 Industrial Way", city: "Eugene", state: "OR", zip: "97402" },
  { id: "10", given: "Emily", family: "Chen", email: "emily.chen@example.com", phone: "(541) 555-0114", street: "2450 Friendly St", city: "Eugene", state: "OR", zip: "97405" },
  { id: "11", given: "Marcus", family: "Johnson", email: "mjohnson@example.com", phone: "(541) 555-0190", street: "19 Hilyard St", city: "Eugene", state: "OR", zip: "97401" },
  { id: "12", company: "Bella's Bakery", given: "Isabella", family: "Russo", email: "orders@bellasbakery.example", phone: "(541) 555-0128", street: "233 E Broadway", city: "Eugene", state: "OR", zip: "97401" },
  { id: "13", given: "Tom", family: "Nguyen", email: "tom.nguyen@example.com", phone: "(458) 555-0137", street: "601 Main St", city: "Springfield", state: "OR", zip: "97477" },
  { id: "14", given: "Hannah", family: "Schmidt", email: "hannah.s@example.com", phone: "(541) 555-0102", street: "1414 Jefferson St", city: "Eugene", state: "OR", zip: "97402" },
  { id: "15", company: "Summit Property Management", email: "maintenance@summitpm.example", phone: "(541) 555-0150", street: "1 Summit Plaza", city: "Eugene", state: "OR", zip: "97401" },
  { id: "16", given: "Luis", family: "Hernández", email: "luis.hernandez@example.com", phone: "(541) 555-0173", street: "88 Coburg Rd", city: "Eugene", state: "OR", zip: "97408" },
  { id: "17", given: "Grace", family: "Kim", phone: "(541) 555-0181", street: "350 W 29th Ave", city: "Eugene", state: "OR", zip: "97405" },
  { id: "18", given: "David", family: "Brown", email: "dbrown@example.com", phone: "(458) 555-0119", street: "77 Mohawk Blvd", city: "Springfield", state: "OR", zip: "97477" },
  { id: "19", company: "Eugene Taxi & Shuttle", given: "Rick", family: "Palmer", email: "fleet@eugenetaxi.example", phone: "(541) 555-0100", street: "1800 Chambers St", city: "Eugene", state: "OR", zip: "97402" },
  { id: "20", given: "Olivia", family: "Martin", email: "olivia.martin@example.com", phone: "(541) 555-0163", street: "920 Polk St", city: "Eugene", state: "OR", zip: "97402" },
  { id: "21", given: "Noah", family: "Patel", email: "noah.patel@example.com", street: "5 Crest Dr", city: "Eugene", state: "OR", zip: "97405" },
  { id: "22", company: "Willamette Valley Vineyards Tours", email: "ops@wvvtours.example", phone: "(503) 555-0144", street: "8800 Enchanted Way SE", city: "Turner", state: "OR", zip: "97392" },
  { id: "23", given: "Zoë", family: "Adams", email: "zoe.adams@example.com", phone: "(541) 555-0158", street: "41 Spring Blvd", city: "Eugene", state: "OR", zip: "97403" },
  { id: "24", given: "Kevin", family: "Walsh", email: "kwalsh@example.com", phone: "(541) 555-0124", street: "300 Country Club Rd", city: "Eugene", state: "OR", zip: "97401", active: false, notes: "Moved out of state" },
  { id: "25", parentId: "3", notes: "Sub-customer (job) for fleet van #4" },
  { id: "26", given: "Ethan", family: "Wright", email: "ethan.wright@example.com", phone: "(541) 555-0196", street: "1290 Oak St", city: "Eugene", state: "OR", zip: "97401" },
];

// One row per record reads as a table.
// prettier-ignore
export const DEMO_VENDORS: readonly NameSeed[] = [
  { id: "50", company: "Parts Authority", email: "orders@partsauthority.example", phone: "(800) 555-0160", street: "495 Merrick Ave", city: "Westbury", state: "NY", zip: "11590" },
  { id: "51", company: "WorldPac", email: "orders@worldpac.example", phone: "(800) 555-0171", street: "37137 Hickory St", city: "Newark", state: "CA", zip: "94560" },
  { id: "52", company: "NAPA Auto Parts Distribution", email: "orders@napa.example", phone: "(541) 555-0148", street: "2000 W 7th Ave", city: "Eugene", state: "OR", zip: "97402" },
  { id: "53", company: "O'Reilly Pro Supply", email: "pro@oreilly.example", phone: "(541) 555-0139", street: "1300 River Rd", city: "Eugene", state: "OR", zip: "97404" },
  { id: "54", company: "Interstate Batteries of the Valley", given: "Carl", family: "Jensen", email: "carl@ibvalley.example", phone: "(541) 555-0117", street: "620 Q St", city: "Springfield", state: "OR", zip: "97477" },
  { id: "55", company: "Keystone Discount Parts", email: "ap@keystone.example", phone: "(541) 555-0188", street: "12 Closed Rd", city: "Salem", state: "OR", zip: "97301", active: false, notes: "Account closed 2024" },
];

/** The sub-customer's DisplayName (its FullyQualifiedName is "Riverside Plumbing LLC:<this>"). */
export const SUB_CUSTOMER_DISPLAY_NAME = "Van #4 (2018 Ford Transit)";
