// The world map's geometry: where it is fetched from, and its countries projected once into SVG
// path strings. Only the d3-geo functions used here are imported, so the map's chunk carries
// the Equal Earth projection and the path generator, not the whole of d3-geo.
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { alpha2Of } from './country-codes';

// The embed build defines this (`{ 'countries-110m.json': 'assets/countries-110m-HASH.json' }`);
// the npm build does not, hence the `typeof` test: an undeclared name is not an error there.
declare const __WSC_ASSETS__: Record<string, string> | undefined;

/** Width of the map in SVG units; its height follows from the projection. */
const WIDTH = 960;
/** Antarctica: no city to report from, and a third of the map's height in most projections. */
const ANTARCTICA = '010';

/** One country of the map, projected. */
export interface CountryShape {
  /** ISO 3166-1 alpha-2 code; undefined for the few areas without one. */
  code: string | undefined;
  /** SVG path data. */
  path: string;
  /** Where the country's tooltip points: the centre of its largest landmass, in SVG units. */
  x: number;
  y: number;
}

export interface WorldMap {
  width: number;
  height: number;
  countries: CountryShape[];
}

/**
 * Where the geometry comes from: the element's `geometry-url` when given; in the embed build the
 * hashed copy under the embed origin (`/embed/v1/assets/…`); in the npm build the copy of
 * world-atlas's file that the build puts beside the built module.
 *
 * @example
 * geometryUrl(undefined, 'https://community.example/embed/v1/'); // …/embed/v1/assets/countries-110m-HASH.json
 */
export function geometryUrl(explicit: string | undefined, embedUrl: string | undefined): URL {
  if (explicit) return new URL(explicit, document.baseURI);
  const hashed = typeof __WSC_ASSETS__ === 'undefined' ? undefined : __WSC_ASSETS__['countries-110m.json'];
  // Embed chunks live in chunks/, the assets in assets/ beside it, under the loader's folder.
  if (hashed) return new URL(hashed, embedUrl ?? new URL('..', import.meta.url));
  return new URL('./countries-110m.json', import.meta.url);
}

const loaded = new Map<string, Promise<WorldMap>>();

/** Fetches and projects the geometry at `url`; several maps on a page share one download. */
export function loadWorldMap(url: URL): Promise<WorldMap> {
  let promise = loaded.get(url.href);
  if (!promise) {
    promise = fetch(url, { credentials: 'omit' })
      .then((response) => {
        if (!response.ok) throw new Error(`The map geometry answered ${response.status}`);
        return response.json() as Promise<Topology>;
      })
      .then(project);
    loaded.set(url.href, promise);
    // A failed download may succeed on retry.
    promise.catch(() => loaded.delete(url.href));
  }
  return promise;
}

function project(topology: Topology): WorldMap {
  const collection = feature(
    topology,
    topology.objects.countries as GeometryCollection<{ name?: string }>,
  ) as FeatureCollection<Geometry, { name?: string }>;
  const features = collection.features.filter((country) => country.id !== ANTARCTICA);
  const shown: FeatureCollection = { type: 'FeatureCollection', features };
  const projection = geoEqualEarth().fitWidth(WIDTH, shown);
  const path = geoPath(projection).digits(1);
  const height = Math.ceil(path.bounds(shown)[1][1]);
  return {
    width: WIDTH,
    height,
    countries: features.map((country) => {
      const [x, y] = path.centroid(largestPart(country, path.area));
      return {
        code: alpha2Of(country.id as string | undefined, country.properties?.name),
        path: path(country) ?? '',
        x,
        y,
      };
    }),
  };
}

/** The largest polygon of a country: France's tooltip points at France, not between it and Guiana. */
function largestPart(
  country: Feature<Geometry>,
  area: (object: Polygon) => number,
): Feature<Geometry> | Polygon {
  if (country.geometry.type !== 'MultiPolygon') return country;
  let largest: Polygon | undefined;
  let largestArea = -1;
  for (const coordinates of (country.geometry as MultiPolygon).coordinates) {
    const polygon: Polygon = { type: 'Polygon', coordinates };
    const size = area(polygon);
    if (size > largestArea) {
      largest = polygon;
      largestArea = size;
    }
  }
  return largest ?? country;
}
