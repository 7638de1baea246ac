/** The help module's contribution to other modules' pages: the guidance panel beside the products. */
package org.billingcenter.help.web;
