// Links that open a place in the phone's map app. Only coordinates go into the link: no name.

/** `geo:` opens the default map app on Android; the https link works everywhere else. */
export function mapLinks(location: { lat: number; lon: number }): { geo: string; web: string } {
  const lat = location.lat.toFixed(5);
  const lon = location.lon.toFixed(5);
  return {
    geo: `geo:${lat},${lon}?q=${lat},${lon}`,
    web: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`,
  };
}
