/** Small real PNGs for the demo story: a photo placeholder (sky, a house, grass) and a signature stroke. */

/** A 48×32 picture (base64 PNG). */
export const PHOTO_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAASUlEQVR42u3OMQ0AIRAAQSRSvwhqHODlRVDjBRNY4AoSSCbZejO' +
  'p9XlVCQgICAgIKAgq/xdt1Bxtfw4EBAQEBAQE9ADoaEDPgRZxJHf3JfgI7AAAAABJRU5ErkJggg==';
/** A 96×32 handwritten-looking stroke (base64 PNG), as a canvas signature would be stored. */
export const SIGNATURE_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAAAgCAIAAABiouoDAAAA60lEQVR42u2YSw7DIAxE3yFynN7/WumuisRHlGBm2tjKLjBGzxo' +
  'wcGZ0g0TwdEDH8bp+CaiJZg4TD6TzFSP+ns74LwGgm/5fTmeCEc7+v5N31Uic/R9HZ3w8zv6fS712Cs7+j6YzMhFn/8eZa3wuzv7' +
  'fJtVRwNn/O0G3dHD2/zbKHSm0NbxZ/+WbfSlInHujFSJOw1ITYf1bOpJzsKWMdgepSqk6qWoKtGdQVVDYi5eJkHcxVU3Vba5cDw5' +
  '9cN9oEjqfNWByk7qmkL8o9RpFB/9bBT6vOT8DyMT/1oBM/O8OKCMBJaAElIDE8QZtQML/i2KtDgAAAABJRU5ErkJggg==';
