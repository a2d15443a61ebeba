"""Media on an S3-compatible bucket (django-storages), keeping pictures of restricted collections
behind the checking view as ``MediaStorage`` does on disk.

Their files keep their ``private-`` names in the bucket (``portal.private_images`` moves them
through the storage API, whatever the storage), and their URLs lead to ``/private-media/…``,
which checks the viewer's rights and streams the file from the bucket. They are written with the
``private`` canned ACL (``AWS_PRIVATE_OBJECT_ACL``). A bucket that grants public reads through
its policy must exclude those keys itself: see the README.
"""

from django.conf import settings
from django.urls import reverse
from storages.backends.s3 import S3Storage

from portal.private_images import is_private_name


class S3MediaStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        if is_private_name(name):
            return reverse("private_image", args=[name])
        return super().url(name, parameters=parameters, expire=expire, http_method=http_method)

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        acl = getattr(settings, "AWS_PRIVATE_OBJECT_ACL", "private")
        if is_private_name(name) and acl:
            parameters = {**parameters, "ACL": acl}
        return parameters
