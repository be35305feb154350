package org.exportpathways.notification;

/** Review-period group of the recipient (22 U.S.C. 2776(b)(1), (c)(2), (d)(2)). */
public enum RecipientGroup {

	NATO_PLUS_5, NATO_ORGANIZATION, OTHER

}
