/** The support pages: the support engineers' callback queue (claim, complete, withdraw). */
package org.billingcenter.support.web;
