// Match patterns for the CRM hosts Baton supports out of the box. These are the
// only host permissions the extension asks for at install; hosts of a custom
// adapter are requested at run time.
export const crmHostMatches: string[] = [
  // Salesforce Lightning (classic My Domain, enhanced domains, sandboxes)
  'https://*.force.com/*',
  'https://*.salesforce.com/*',
  // HubSpot: app.hubspot.com, app-eu1.hubspot.com, app-na2…
  'https://*.hubspot.com/*',
  // Pipedrive: <company>.pipedrive.com
  'https://*.pipedrive.com/*',
  // Dynamics 365: <org>.crm[N].dynamics.com, China sovereign cloud
  'https://*.dynamics.com/*',
  'https://*.dynamics.cn/*',
  // Zoho CRM regional data centres
  'https://crm.zoho.com/*',
  'https://crm.zoho.eu/*',
  'https://crm.zoho.in/*',
  'https://crm.zoho.com.au/*',
  'https://crm.zoho.com.cn/*',
  'https://crm.zoho.jp/*',
  'https://crm.zoho.ca/*',
  'https://crm.zoho.sa/*',
  'https://crm.zoho.uk/*',
  'https://crm.zohocloud.ca/*',
  // Fxiaoke (纷享销客)
  'https://*.fxiaoke.com/*',
];
