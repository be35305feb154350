package org.exportpathways.notification;

/** A country the letter of offer or license would authorize as new sales territory. */
public record TerritoryCountry(String country) {
}
