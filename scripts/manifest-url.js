/**
 * The production manifest is the development one with its origin replaced: webpack's production
 * build and scripts/validate-manifest.js both use this, so what is validated is what ships.
 */
const DEV_ORIGIN = "https://localhost:3000/";

/** Checks an ADDIN_URL and returns it with a trailing slash; Office loads add-ins over https only. */
function normaliseAddinUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: ${url}`);
  }
  if (u.protocol !== "https:") throw new Error(`ADDIN_URL must use https: ${url}`);
  if (u.search || u.hash) throw new Error(`ADDIN_URL must not have a query or fragment: ${url}`);
  const s = u.href;
  return s.endsWith("/") ? s : `${s}/`;
}

function escapeXmlAttr(s) {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** The manifest with every https://localhost:3000/ replaced by the given base URL. */
function productionManifest(xml, addinUrl) {
  const base = escapeXmlAttr(normaliseAddinUrl(addinUrl));
  return xml.split(DEV_ORIGIN).join(base);
}

module.exports = { DEV_ORIGIN, normaliseAddinUrl, productionManifest };
