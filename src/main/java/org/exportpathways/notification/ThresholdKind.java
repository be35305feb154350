package org.exportpathways.notification;

/** The dollar tests of section 36, each naming the request field it reads. */
public enum ThresholdKind {

	MAJOR_DEFENSE_EQUIPMENT("majorDefenseEquipmentValue"), DEFENSE_ARTICLES_AND_SERVICES("totalValue"),
	DESIGN_AND_CONSTRUCTION("designAndConstructionValue"), FIREARMS("totalValue");

	private final String field;

	ThresholdKind(String field) {
		this.field = field;
	}

	/** The request field whose value this test compares. */
	public String field() {
		return field;
	}

}
