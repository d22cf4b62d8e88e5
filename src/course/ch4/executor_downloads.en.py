import asyncio

import requests

URLS = [
    "samples/harbour.png",
    "samples/lantern.png",
    "samples/mountain.png",
]
BASE = "http://localhost:8080/"    # the images are served by this app itself


async def download_image(url):
    # Send the request to download the image (network I/O: switch to other tasks meanwhile)
    print("downloading:", url)
    loop = asyncio.get_running_loop()
    # requests has no asyncio support, so a thread pool does the waiting.
    future = loop.run_in_executor(None, requests.get, BASE + url)
    response = await future
    print('download done')
    # Save the image to a local file
    file_name = url.rsplit('/')[-1]
    with open(file_name, mode='wb') as file_object:
        file_object.write(response.content)


async def main():
    tasks = [asyncio.create_task(download_image(url)) for url in URLS]
    await asyncio.wait(tasks)


asyncio.run(main())
